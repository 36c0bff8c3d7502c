import type { Child } from 'hono/jsx';
import { Layout } from '../views/layout.js';
import type { AdminSession } from './admin-env.js';

const sections = [
  { href: '/admin', label: 'Dashboard', adminOnly: false },
  { href: '/admin/actions', label: 'Actions', adminOnly: false },
  { href: '/admin/people', label: 'People', adminOnly: true },
  { href: '/admin/import', label: 'Import', adminOnly: true },
  { href: '/admin/export', label: 'Export', adminOnly: false },
  { href: '/admin/reminders', label: 'Reminders', adminOnly: true },
  { href: '/admin/summaries', label: 'Summaries', adminOnly: false },
  { href: '/admin/audit', label: 'Audit log', adminOnly: true },
] as const;

export interface AdminLayoutProps {
  title: string;
  forceName: string;
  session: AdminSession;
  /** The section this page belongs to, marked as current in the navigation. */
  current: (typeof sections)[number]['href'];
  hasErrors?: boolean;
  children: Child;
}

/** The console's sections for the person's role, and a sign-out button; `current` is marked as the page's. */
export function AdminNav({ session, current }: { session: AdminSession; current?: AdminLayoutProps['current'] }) {
  return (
    <nav class="admin-nav" aria-label="Admin console">
      <ul>
        {sections
          .filter((s) => !s.adminOnly || session.role === 'admin')
          .map((s) => (
            <li>
              <a href={s.href} aria-current={s.href === current ? 'page' : undefined}>
                {s.label}
              </a>
            </li>
          ))}
      </ul>
      <form method="post" action="/admin/sign-out" class="sign-out">
        <span>
          {session.name ?? session.email} ({session.role})
        </span>{' '}
        <button type="submit" class="button-link">
          Sign out
        </button>
      </form>
    </nav>
  );
}

/** Every console page: the site layout with the console's navigation. */
export function AdminLayout({ title, forceName, session, current, hasErrors, children }: AdminLayoutProps) {
  return (
    <Layout title={title} forceName={forceName} hasErrors={hasErrors} nav={<AdminNav session={session} current={current} />}>
      {children}
    </Layout>
  );
}
