import type { Child } from 'hono/jsx';

export interface LayoutProps {
  title: string;
  forceName: string;
  /** GOV.UK pattern: the title starts with "Error:" when the page shows errors. */
  hasErrors?: boolean;
  /**
   * Site navigation (the console's), between the header and <main>: "Skip to main content" then skips
   * it, as it would not if the nav were inside <main>.
   */
  nav?: Child;
  children: Child;
}

export function Layout({ title, forceName, hasErrors, nav, children }: LayoutProps) {
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${hasErrors ? 'Error: ' : ''}${title} – Action Plan Tracker – ${forceName}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to main content</a>
        <header class="site-header">
          <div class="width-container">
            <span class="site-name">Action Plan Tracker</span> <span class="force-name">{forceName}</span>
          </div>
        </header>
        {nav && <div class="width-container">{nav}</div>}
        <main id="main" class="width-container" tabindex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
