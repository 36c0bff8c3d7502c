import type { AdminRole } from '../../../functions/core/admin/roles.js';

export const peoplePaths = {
  list: '/admin/people',
  person: (id: string) => `/admin/people/${encodeURIComponent(id)}`,
  deactivate: (id: string) => `/admin/people/${encodeURIComponent(id)}/deactivate`,
  revokeLinks: (id: string) => `/admin/people/${encodeURIComponent(id)}/revoke-links`,
  sendLink: (id: string) => `/admin/people/${encodeURIComponent(id)}/send-link`,
  mailOk: (id: string) => `/admin/people/${encodeURIComponent(id)}/mail-ok`,
  email: (id: string) => `/admin/people/${encodeURIComponent(id)}/email`,
  details: (id: string) => `/admin/people/${encodeURIComponent(id)}/details`,
  reactivate: (id: string) => `/admin/people/${encodeURIComponent(id)}/reactivate`,
};

export const mailStatusLabels = { ok: 'Working', bounced: 'Bounced', complained: 'Marked as spam' } as const;

export const roleLabels: Record<AdminRole, string> = { admin: 'Admin', board: 'Board' };
