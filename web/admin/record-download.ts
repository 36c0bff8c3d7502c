import type { Context } from 'hono';
import type { AuditEntry } from '../../functions/core/admin/audit-log.js';
import type { AdminEnv } from './admin-env.js';

/**
 * A copy of OFFICIAL-SENSITIVE text leaving the system is audited like a change, so downloads are
 * POSTs (a GET still writes nothing). Call it once the file is built and before it is sent: a file
 * nobody received may be logged, but no file leaves unlogged.
 */
export async function recordDownload(c: Context<AdminEnv>, download: Pick<AuditEntry, 'change' | 'target' | 'after'>): Promise<void> {
  const { audit, clock } = c.get('deps');
  await audit.record({ at: clock.now().toISOString(), by: c.get('session').email, before: null, ...download });
}
