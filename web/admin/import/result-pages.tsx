import { plural } from '../../../functions/core/words.js';
import type { Counts } from '../../../functions/core/import/apply-import.js';
import type { AdminSession } from '../admin-env.js';
import { AdminLayout } from '../admin-layout.js';
import { importPaths } from './import-paths.js';
import { NotificationBanner } from '../../owner/components.js';

const counts = (c: Counts) => `${c.created} new, ${c.updated} changed, ${c.unchanged} unchanged`;

/** Step 3 of 3: what was written. */
export function ImportedPage({ forceName, session, people, actions, warnings }: { forceName: string; session: AdminSession; people: Counts; actions: Counts; warnings: number }) {
  return (
    <AdminLayout title="Plan imported" forceName={forceName} session={session} current="/admin/import">
      <NotificationBanner title="Plan imported" level="h1">
        <p>Actions: {counts(actions)}.</p>
        <p>People: {counts(people)}.</p>
        {warnings > 0 && (
          <p>Imported with {plural(warnings, 'warning')}, each done as the preview’s list of problems said it would be.</p>
        )}
      </NotificationBanner>
      <p>
        <a href="/admin/actions">See the actions</a> or <a href={importPaths.start}>import another file</a>.
      </p>
    </AdminLayout>
  );
}

/** A draft that expired, was imported, or is not this admin's: one answer for all three. */
export function DraftGonePage({ forceName, session }: { forceName: string; session: AdminSession }) {
  return (
    <AdminLayout title="This preview is no longer available" forceName={forceName} session={session} current="/admin/import">
      <h1>This preview is no longer available</h1>
      <p>A preview lasts two hours, ends when its files are imported, and can only be seen by the admin who uploaded them.</p>
      <p>
        <a href={importPaths.start}>Upload the files again</a>
      </p>
    </AdminLayout>
  );
}
