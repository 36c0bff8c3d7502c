import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { maxAliasLength } from '../../../functions/core/admin/add-person-alias.js';
import { newImportDraft, usableDraft } from '../../../functions/core/admin/import-drafts.js';
import { InvalidInputError } from '../../../functions/core/errors.js';
import { maxFileBytes } from '../../../functions/adapters/spreadsheet/spreadsheet-errors.js';
import type { AdminEnv } from '../admin-env.js';
import { requireAdmin } from '../require-admin.js';
import { importPaths } from './import-paths.js';
import { PreviewPage } from './preview-page.js';
import { filesOf, readUpload, type UploadError } from './read-upload.js';
import { DraftGonePage, ImportedPage } from './result-pages.js';
import { checkPeopleFile, confirmImport, previewImport } from './run-import.js';
import type { AliasFormError } from './unmatched-names-form.js';
import { UploadPage } from './upload-page.js';

type ImportContext = Context<AdminEnv>;

const page = (c: ImportContext) => ({ forceName: c.get('deps').config.name, session: c.get('session') });
const previewPage = (c: ImportContext) => ({ ...page(c), timeZone: c.get('deps').config.timeZone });

function uploadErrors(c: ImportContext, errors: UploadError[], status: 400 | 413) {
  return c.html(<UploadPage {...page(c)} errors={errors} />, status);
}

/** The upload's own limit (the app-wide form limit skips this path): too big is an error on the form, not a bare 413. */
const uploadLimit = createMiddleware<AdminEnv>((c, next) =>
  bodyLimit({
    // The two files together at the importer's limit for one, with room for the multipart framing: under
    // the 4.5 MB that reaches a deployed function, so that this page, not AWS's bare error, says so.
    maxSize: maxFileBytes + 64 * 1024,
    onError: () =>
      uploadErrors(c, [{ field: 'plan', message: `The files are too large to upload: keep them under ${maxFileBytes / 1024 / 1024} MB together. An action plan is far smaller, so check you chose the right files` }], 413),
  })(c, next),
);

/** An InvalidInputError's problems as one field's messages; anything else is not the file's fault. */
function fileProblem(error: unknown, field: UploadError['field']): UploadError[] {
  if (!(error instanceof InvalidInputError)) throw error;
  const which = field === 'plan' ? 'The action plan' : 'The people file';
  return error.problems.map((problem) => ({ field, message: `${which} cannot be read: ${problem}` }));
}

const draftFor = (c: ImportContext) => {
  const deps = c.get('deps');
  return usableDraft(deps.importDrafts, c.req.param('draftId') ?? '', c.get('session').email, deps.clock.now());
};

const asList = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => (typeof v === 'string' ? v : ''));

/**
 * Import at /admin/import, admins only: upload (a multipart form) → preview (a dry run of the draft kept
 * server-side, with a person to choose for each unmatched name) → confirm (all or nothing). GETs read only.
 */
export function createImportRoutes() {
  const routes = new Hono<AdminEnv>();
  routes.use(requireAdmin);

  routes.get('/', (c) => c.html(<UploadPage {...page(c)} errors={[]} />));
  routes.get('/preview', (c) => c.redirect(importPaths.start, 303));

  routes.post('/preview', requireAdmin, uploadLimit, async (c) => {
    const deps = c.get('deps');
    const body = await c.req.parseBody().catch(() => null);
    if (!body) return uploadErrors(c, [{ field: 'plan', message: 'The upload did not arrive complete: choose the file and try again' }], 400);
    const upload = await readUpload(body);
    if (!upload.ok) return uploadErrors(c, upload.errors, 400);
    const now = deps.clock.now();
    if (upload.people) {
      const errors = await checkPeopleFile(upload.people.bytes).then(() => [], (error: unknown) => fileProblem(error, 'people'));
      if (errors.length > 0) return uploadErrors(c, errors, 400);
    }
    // A dry run now, so that a file the importer cannot read is an error on this form, not on the preview.
    const errors = await previewImport(deps.repository, filesOf(upload), now).then(() => [], (error: unknown) => fileProblem(error, 'plan'));
    if (errors.length > 0) return uploadErrors(c, errors, 400);
    const draft = newImportDraft({ by: c.get('session').email, now, plan: upload.plan, people: upload.people });
    await deps.importDrafts.put(draft);
    return c.redirect(importPaths.preview(draft.id), 303);
  });

  routes.get('/:draftId', async (c) => {
    const draft = await draftFor(c);
    if (!draft) return c.html(<DraftGonePage {...page(c)} />, 404);
    const deps = c.get('deps');
    const preview = await previewImport(deps.repository, draft, deps.clock.now());
    const matched = Number(c.req.query('matched'));
    return c.html(<PreviewPage {...previewPage(c)} draft={draft} preview={preview} {...(Number.isInteger(matched) && matched > 0 ? { notice: matched } : {})} />);
  });

  routes.post('/:draftId/aliases', requireAdmin, async (c) => {
    const body = await c.req.parseBody({ all: true });
    const draft = await draftFor(c);
    if (!draft) return c.html(<DraftGonePage {...page(c)} />, 404);
    const deps = c.get('deps');
    const now = deps.clock.now();
    const preview = await previewImport(deps.repository, draft, now);
    const unmatched = preview.unmatchedNames;
    const people = new Map(preview.choices.map((p) => [p.id, p]));
    const ids = asList(body.personId);
    // Names no longer unmatched (saved from another tab, or not from this file) are passed over.
    const chosen = asList(body.name)
      .map((name, i) => ({ name, personId: ids[i] ?? '', field: `person-${unmatched.indexOf(name)}` }))
      .filter((pair) => pair.personId !== '' && unmatched.includes(pair.name));
    const errors: AliasFormError[] = [];
    for (const pair of chosen) {
      if (!people.has(pair.personId)) errors.push({ field: pair.field, message: `Choose who "${pair.name}" is from the list` });
      else if (pair.name.length > maxAliasLength) errors.push({ field: pair.field, message: `"${pair.name.slice(0, 40)}…" is too long to keep as a name: shorten it in the spreadsheet and upload it again` });
    }
    if (chosen.length === 0 && unmatched.length > 0) errors.push({ field: 'person-0', message: 'Choose who at least one of the names is, or import with the names left unmatched' });
    if (errors.length > 0) return c.html(<PreviewPage {...previewPage(c)} draft={draft} preview={preview} aliasErrors={errors} />, 400);
    // Kept with the draft, and saved only when the import is confirmed (confirmImport). A name matched
    // already is no longer unmatched, so none of those chosen is in the list yet.
    const kept = await deps.importDrafts.setMatches(draft.id, [...draft.matches, ...chosen.map(({ name, personId }) => ({ name, personId }))]);
    if (!kept) return c.html(<DraftGonePage {...page(c)} />, 404);
    return c.redirect(`${importPaths.preview(draft.id)}?matched=${chosen.length}`, 303);
  });

  routes.post('/:draftId/confirm', requireAdmin, async (c) => {
    const body = await c.req.parseBody();
    const draft = await draftFor(c);
    if (!draft) return c.html(<DraftGonePage {...page(c)} />, 404);
    const deps = c.get('deps');
    const now = deps.clock.now();
    const files = { plan: draft.plan.name, people: draft.people?.name ?? null, sha256: draft.sha256 };
    const audit = (after: Record<string, unknown>) =>
      deps.audit.record({ at: now.toISOString(), by: c.get('session').email, change: 'import-plan', target: { type: 'plan', id: draft.sha256 }, before: null, after: { ...files, ...after } });
    let began = false;
    const result = await confirmImport(deps, draft, typeof body.digest === 'string' ? body.digest : '', { now, by: c.get('session').email, onFirstWrite: () => (began = true) }).catch(
      async (error: unknown) => {
        // Stopped part-way (a concurrent save, or the store failing): what it wrote stays, so the log
        // says the import began. The admin is shown the error, even if the log cannot be written.
        if (began) {
          await audit({ stoppedPartWay: true }).catch((auditError: unknown) =>
            console.error(JSON.stringify({ level: 'error', message: 'audit entry for an import stopped part-way not written', errorName: (auditError as Error).name })),
          );
        }
        throw error;
      },
    );
    if (result.kind === 'has-errors') return c.html(<PreviewPage {...previewPage(c)} draft={draft} preview={result.preview} />, 400);
    if (result.kind === 'changed') return c.html(<PreviewPage {...previewPage(c)} draft={draft} preview={result.preview} notice="changed" />, 409);
    const { report } = result;
    if (report.people.created + report.people.updated + report.actions.created + report.actions.updated > 0) {
      await audit({ peopleCounts: report.people, actionCounts: report.actions, warnings: report.warnings });
    }
    await deps.importDrafts.delete(draft.id);
    return c.html(<ImportedPage {...page(c)} people={report.people} actions={report.actions} warnings={report.warnings} />);
  });

  return routes;
}

