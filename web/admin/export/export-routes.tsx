import { Hono } from 'hono';
import { currentPlan } from '../../../functions/core/admin/actions/current-plan.js';
import { noUpdateColumn } from '../../../functions/core/board-summary/board-wording.js';
import { toLocalDate } from '../../../functions/core/calendar/local-date.js';
import type { AdminEnv } from '../admin-env.js';
import { AdminLayout } from '../admin-layout.js';
import { recordDownload } from '../record-download.js';
import { plural } from '../../../functions/core/words.js';

export const exportPaths = { page: '/admin/export', download: '/admin/export/action-plan.xlsx' };

/**
 * Export: the whole plan as it stands, as XLSX in the familiar layout, for admins and board members.
 * The download is a POST because it is audited; never cached; exceljs is loaded on the download only.
 */
export function createExportRoutes() {
  const routes = new Hono<AdminEnv>();

  routes.get('/', async (c) => {
    const { config, repository } = c.get('deps');
    const count = (await repository.listActions()).length;
    return c.html(
      <AdminLayout title="Export" forceName={config.name} session={c.get('session')} current="/admin/export">
        <h1>Export the action plan</h1>
        <p>
          The whole plan as it stands now ({plural(count, 'action')}), as an Excel workbook in the familiar layout: area, ref, evidence, the item, acceptance, SRO,
          owners, the plan, timescale, confidence and narrative, latest progress and last updated, then status, stale and overdue.
        </p>
        <div class="warning-text">
          <p>The workbook holds the text of every action: handle it as OFFICIAL-SENSITIVE.</p>
        </div>
        <p>Each download is recorded in the audit log: who took a copy, and when.</p>
        <form method="post" action={exportPaths.download}>
          <button class="button" type="submit">
            Download the plan (XLSX)
          </button>
        </form>
      </AdminLayout>,
    );
  });

  // A link kept from before downloads were POSTs lands on the page with the button.
  routes.get('/action-plan.xlsx', (c) => c.redirect(exportPaths.page, 303));

  routes.post('/action-plan.xlsx', async (c) => {
    const { config, repository, clock } = c.get('deps');
    const now = clock.now();
    const [actions, people] = await Promise.all([repository.listActions(), repository.listPeople()]);
    const { buildPlanWorkbook, planWorkbookContentType } = await import('./plan-workbook.js');
    const bytes = await buildPlanWorkbook(currentPlan(actions, people, now, config), { forceName: config.name, timeZone: config.timeZone, staleHeader: noUpdateColumn(config.staleAfterDays), createdAt: now });
    const filename = `action-plan-${config.id}-${toLocalDate(now, config.timeZone)}.xlsx`;
    await recordDownload(c, { change: 'export-plan', target: { type: 'plan', id: config.id }, after: { filename, actions: actions.length } });
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': planWorkbookContentType,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    });
  });

  return routes;
}
