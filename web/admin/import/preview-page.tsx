import type { ChangedAction, Counts } from '../../../functions/core/import/apply-import.js';
import type { ImportDraft } from '../../../functions/core/admin/import-drafts.js';
import { ErrorSummary, NotificationBanner } from '../../owner/components.js';
import { fieldLabels } from '../../../functions/core/model/field-labels.js';
import type { FieldChange } from '../../../functions/core/model/update.js';
import { ChangeItem, FieldChangeItem } from '../../views/change-item.js';
import { actionPaths } from '../actions/paths.js';
import type { AdminSession } from '../admin-env.js';
import { AdminLayout } from '../admin-layout.js';
import { importPaths } from './import-paths.js';
import { ProblemsTable } from './problems-table.js';
import type { ImportPreview } from './run-import.js';
import { UnmatchedNamesForm, type AliasFormError } from './unmatched-names-form.js';
import { ColumnHeads } from '../../views/column-heads.js';
import { noAreaWords, unreadLine } from '../../../functions/core/import/format-import-report.js';
import { plural } from '../../../functions/core/words.js';

export interface PreviewPageProps {
  forceName: string;
  session: AdminSession;
  /** The force's, for the dates among the changes. */
  timeZone: string;
  draft: Pick<ImportDraft, 'id' | 'plan' | 'people' | 'matches'>;
  preview: ImportPreview;
  aliasErrors?: AliasFormError[];
  /** `changed`: the confirm found a different preview; a number: aliases just saved. */
  notice?: 'changed' | number;
}

/** "Import 27 actions and 13 people", leaving out what does not change. */
const importLabel = (actions: number, people: number) =>
  `Import ${[actions > 0 && plural(actions, 'action'), people > 0 && plural(people, 'person', 'people')].filter(Boolean).join(' and ')}`;

function CountsTable({ people, actions }: { people: Counts; actions: Counts }) {
  return (
    <table class="counts-table">
      <caption class="visually-hidden">What the import would do</caption>
      <thead>
        <tr>
          <td></td>
          <th scope="col">New</th>
          <th scope="col">Changed</th>
          <th scope="col">Unchanged</th>
        </tr>
      </thead>
      <tbody>
        {[['Actions', actions] as const, ['People', people] as const].map(([label, c]) => (
          <tr>
            <th scope="row">{label}</th>
            <td data-label="New">{c.created}</td>
            <td data-label="Changed">{c.updated}</td>
            <td data-label="Unchanged">{c.unchanged}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Long wording, named only: the whole before and after of a few of these would bury the owners and dates. */
const wordingFields = new Set(['evidence', 'text', 'plan', 'latestProgress', 'confidenceNarrative']);

function ChangeInWords({ change, names, timeZone }: { change: FieldChange; names: Record<string, string>; timeZone: string }) {
  if (wordingFields.has(change.field)) return <ChangeItem label={fieldLabels[change.field] ?? change.field} to="new wording from the file" />;
  return <FieldChangeItem change={change} names={names} timeZone={timeZone} />;
}

/** Stored actions the file changes, each change before and after: a reassignment made in the console shows up here before the file undoes it. */
function ChangesTable({ changes, names, timeZone }: { changes: ChangedAction[]; names: Record<string, string>; timeZone: string }) {
  return (
    <section aria-labelledby="changes-title">
      <h2 id="changes-title">Stored actions the import changes</h2>
      <p>
        The file’s wording, owners and SRO replace what is stored, but never hand an action back to someone who has left; progress is taken from the file only where
        its Last Updated is newer. Check that no change made here since the last import would be undone.
      </p>
      <table>
        <ColumnHeads names={['Ref', 'What changes']} />
        <tbody>
          {changes.map((change) => (
            <tr>
              <td data-label="Ref">
                <a href={actionPaths.action(change.id)}>{change.ref}</a>
              </td>
              <td data-label="What changes">
                <ul class="change-list">
                  {change.changes.map((c) => (
                    <ChangeInWords change={c} names={names} timeZone={timeZone} />
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Notice({ notice, focus }: { notice: PreviewPageProps['notice']; focus: boolean }) {
  if (notice === undefined) return null;
  if (notice === 'changed') {
    return (
      <div class="warning-text" role="alert">
        Nothing was imported: what the import would do has changed since you looked (someone saved a change, or a name was matched). Check the preview below and
        confirm again.
      </div>
    );
  }
  return (
    <NotificationBanner title={`${plural(notice, 'name')} matched`} focus={focus}>
      <p>
        The preview below uses them. Nothing is saved until you import: then each is kept as another name for the person you chose, for this file and
        later ones, except a name someone else in the directory also has, which each import asks about again where the action does not have one of them already (an answer holds for every row naming them).
      </p>
    </NotificationBanner>
  );
}

/** The names matched so far, to check before importing: undone by uploading the file again. */
function MatchedNames({ draft, choices }: { draft: Pick<ImportDraft, 'matches'>; choices: ImportPreview['choices'] }) {
  const names = new Map(choices.map((p) => [p.id, p.name]));
  return (
    <section aria-labelledby="matched-title">
      <h2 id="matched-title">Names you matched</h2>
      <ul>
        {draft.matches.map((match) => (
          <li>
            {match.name}: {names.get(match.personId) ?? 'someone no longer in the directory'}
          </li>
        ))}
      </ul>
      <p>To undo a match, upload the file again.</p>
    </section>
  );
}

/** Step 2 of 3: what would change, every problem, the names to match, and the confirm button. */
export function PreviewPage({ forceName, session, timeZone, draft, preview, aliasErrors = [], notice }: PreviewPageProps) {
  const { report } = preview;
  const names = preview.unmatchedNames;
  const fileErrors = report.errors > 0 ? [{ field: 'problems', message: `The files have ${plural(report.errors, 'error')}: fix them in the spreadsheet, save it and upload it again` }] : [];
  const errors = [...fileErrors, ...aliasErrors];
  const changes = report.people.created + report.people.updated + report.actions.created + report.actions.updated;
  const kinds = report.plan?.kinds;
  const unread = report.plan && unreadLine(report.plan);
  return (
    <AdminLayout title="Check the import" forceName={forceName} session={session} current="/admin/import" hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <Notice notice={notice} focus={errors.length === 0} />
      <span class="caption">
        {draft.plan.name}
        {draft.people ? ` and ${draft.people.name}` : ''}
      </span>
      <h1>Check the import</h1>
      {report.plan && kinds && (
        <p>
          The plan has {plural(report.plan.actions, 'action')}: {plural(kinds.recommendation, 'recommendation')}, {plural(kinds.afi, 'area for improvement', 'areas for improvement')}{' '}
          and {plural(kinds['cause-of-concern'], 'cause of concern', 'causes of concern')}, in {plural(report.plan.areas.length, 'area')}
          {noAreaWords(report.plan)}.{report.sheet && ` It was read from the sheet “${report.sheet}”, the first with the plan’s headings.`}
        </p>
      )}
      {unread && <p class="inset-text">{unread}</p>}
      <CountsTable people={report.people} actions={report.actions} />
      {report.changedActions.length > 0 && <ChangesTable changes={report.changedActions} names={report.names} timeZone={timeZone} />}

      {draft.matches.length > 0 && <MatchedNames draft={draft} choices={preview.choices} />}
      {names.length > 0 && (
        <section aria-labelledby="unmatched-title">
          <h2 id="unmatched-title">Names that match nobody</h2>
          <p>The plan names {plural(names.length, 'person', 'people')} the directory does not know. Choose who each is, or leave them: the name is kept on the action for an admin to resolve later, and nobody is reminded about it.</p>
          <UnmatchedNamesForm draftId={draft.id} names={names} choices={preview.choices} errors={aliasErrors} />
        </section>
      )}

      {report.problems.length > 0 && (
        <section aria-labelledby="problems-title" tabindex={-1} id="problems">
          <h2 id="problems-title">
            {plural(report.errors, 'error')} and {plural(report.warnings, 'warning')}
          </h2>
          <ProblemsTable problems={report.problems} />
        </section>
      )}

      <h2>Import</h2>
      {report.errors > 0 ? (
        <p>Nothing can be imported until the errors are fixed. Correct the rows in the spreadsheet, save it and upload it again.</p>
      ) : changes === 0 && report.plan?.rows === 0 ? (
        <p>Nothing to import: the plan file has its headings but no rows below them. Check it is the right file.</p>
      ) : changes === 0 ? (
        <p>Nothing to import: everything in these files is stored already.</p>
      ) : (
        <form method="post" action={importPaths.confirm(draft.id)}>
          <input type="hidden" name="digest" value={preview.digest} />
          {report.warnings > 0 && (
            <p class="warning-text">Importing accepts {report.warnings === 1 ? 'the warning' : `the ${report.warnings} warnings`} above: each says what the import does about it.</p>
          )}
          {/* Said on a first import too, when every action is new: nobody learns of an import by email. */}
          <p>
            Nobody is emailed by an import. People the file makes an owner or SRO find the action on their own page, and the reminders chase them once it goes
            without an update; to tell someone at once, reassign the action in the console instead.
          </p>
          <p>If someone saves one of these actions while the import writes, it stops there and says so: open this page again to finish it.</p>
          <button type="submit" class="button">
            {importLabel(report.actions.created + report.actions.updated, report.people.created + report.people.updated)}
          </button>
        </form>
      )}
      <p>
        <a href={importPaths.start}>Upload different files</a>
      </p>
    </AdminLayout>
  );
}
