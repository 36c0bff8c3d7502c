import type { Hono } from 'hono';
import { expect } from 'vitest';
import type { MemoryAuditLog } from '../../../functions/adapters/memory/memory-audit-log.js';
import type { AuditEntry } from '../../../functions/core/admin/audit-log.js';
import type { AdminEnv } from '../../../web/admin/admin-env.js';

/**
 * A download is a POST that leaves exactly one audit entry; a GET of its address, kept from before
 * downloads were POSTs, writes nothing and leads to the page that has the button.
 */
export async function expectAuditedDownload(app: Hono<AdminEnv>, audit: MemoryAuditLog, download: { path: string; page: string; entry: AuditEntry }) {
  const old = await app.request(download.path);
  expect(old.status).toBe(303);
  expect(old.headers.get('location')).toBe(download.page);
  expect(audit.entries).toHaveLength(0);

  const response = await app.request(download.path, { method: 'POST' });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${(download.entry.after as { filename: string }).filename}"`);
  expect(audit.entries).toEqual([download.entry]);
}
