import type { Child } from 'hono/jsx';
import { summaryPaths } from './summary-paths.js';

/** The pack is a POST: each download is recorded in the audit log. */
export function PackButton({ month, children }: { month: string; children: Child }) {
  return (
    <form method="post" action={summaryPaths.pack(month)} class="download-form">
      <button class="button-link" type="submit">
        {children}
      </button>
    </form>
  );
}
