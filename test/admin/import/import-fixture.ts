import { MemoryAuditLog } from '../../../functions/adapters/memory/memory-audit-log.js';
import { MemoryImportDraftStore } from '../../../functions/adapters/memory/memory-import-draft-store.js';
import { MemoryRepository } from '../../../functions/adapters/memory/memory-repository.js';
import { parseForceConfig } from '../../../functions/core/config/force-config.js';
import type { AdminSession } from '../../../web/admin/admin-env.js';
import { createImportRoutes } from '../../../web/admin/import/import-routes.js';
import type { AppDeps } from '../../../web/deps.js';
import { memoryDeps } from '../../support/memory-deps.js';
import { adminSession, adminTestApp } from '../support/admin-test-app.js';

export { demoPeopleCsv, demoPlanCsv, personId, quirkyPlanCsv } from '../../import/fixtures.js';

export const config = parseForceConfig(
  { id: 'northshire', name: 'Northshire Police', baseUrl: 'https://actions.northshire.example', sender: 'actions@northshire.example', admins: ['admin@northshire.example'] },
  'test',
);
export const now = new Date('2026-11-16T09:00:00.000Z');

export interface ImportHarness {
  app: ReturnType<typeof adminTestApp>;
  deps: AppDeps;
  repository: MemoryRepository;
  audit: MemoryAuditLog;
  drafts: MemoryImportDraftStore;
  /** Everything stored, to prove a request wrote nothing. */
  snapshot(): Promise<unknown>;
}

export function importHarness(session: AdminSession = adminSession, shared?: ImportHarness, clock = { now: () => now }): ImportHarness {
  const repository = shared?.repository ?? new MemoryRepository();
  const audit = shared?.audit ?? new MemoryAuditLog();
  const drafts = shared?.drafts ?? new MemoryImportDraftStore();
  const deps = memoryDeps({ config, repository, audit, importDrafts: drafts, clock });
  return {
    app: adminTestApp(deps, createImportRoutes(), '/admin/import', session),
    deps,
    repository,
    audit,
    drafts,
    snapshot: async () => ({ actions: await repository.listActions(), people: await repository.listPeople(), audit: [...audit.entries], drafts: [...drafts.drafts.keys()] }),
  };
}

export const file = (bytes: Uint8Array | string, name: string) => new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name);

export function upload(h: ImportHarness, files: { plan?: File; people?: File }) {
  const form = new FormData();
  if (files.plan) form.set('plan', files.plan);
  if (files.people) form.set('people', files.people);
  return h.app.request('/admin/import/preview', { method: 'POST', body: form });
}

export function postForm(h: ImportHarness, path: string, fields: Array<[string, string]>) {
  return h.app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
}

/** Uploads and follows the redirect to the preview: its path, page and confirm digest. */
export async function uploadAndPreview(h: ImportHarness, files: { plan?: File; people?: File }) {
  const res = await upload(h, files);
  if (res.status !== 303) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  const path = res.headers.get('location')!;
  const page = await h.app.request(path);
  const html = await page.text();
  return { path, status: page.status, html, digest: /name="digest" value="([^"]+)"/.exec(html)?.[1] ?? null };
}

export async function confirm(h: ImportHarness, path: string, digest: string) {
  return postForm(h, `${path}/confirm`, [['digest', digest]]);
}
