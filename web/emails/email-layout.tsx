import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { outlookWidthClose, outlookWidthOpen } from './outlook-width.js';

/** Inline styles and layout tables: Outlook's Word engine ignores style sheets, flexbox and max-width (see outlook-width.ts). */
export const styles = {
  body: 'margin:0;padding:0;background-color:#f3f2f1;',
  outer: 'background-color:#f3f2f1;',
  card: 'max-width:600px;margin:0 auto;background-color:#ffffff;border:1px solid #b1b4b6;',
  header: 'background-color:#0b0c0c;color:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;font-weight:bold;padding:12px 20px;',
  content: 'font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:24px;color:#0b0c0c;padding:20px;',
  // A long address (the admin to ask, in an escalation) breaks rather than widen a phone's screen.
  p: 'margin:0 0 16px 0;word-break:break-word;overflow-wrap:anywhere;',
  h2: 'font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:24px;font-weight:bold;margin:20px 0 4px 0;color:#0b0c0c;',
  table: 'border-collapse:collapse;margin:0 0 16px 0;',
  th: 'font-family:Arial,Helvetica,sans-serif;font-size:14px;text-align:left;border-bottom:2px solid #0b0c0c;padding:6px 16px 6px 0;',
  td: 'font-family:Arial,Helvetica,sans-serif;font-size:14px;text-align:left;border-bottom:1px solid #b1b4b6;padding:6px 16px 6px 0;',
  button: 'background-color:#00703c;padding:10px 18px;',
  buttonLink: 'font-family:Arial,Helvetica,sans-serif;font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;',
  small: 'font-family:Arial,Helvetica,sans-serif;font-size:13px;line-height:20px;color:#505a5f;padding:12px 20px;',
} as const;

export function EmailLayout({ title, forceName, footer, children }: { title: string; forceName: string; footer: string; children: Child }) {
  return (
    <html lang="en-GB">
      <head>
        <meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
      </head>
      <body style={styles.body}>
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border={0} style={styles.outer}>
          <tr>
            <td align="center" style="padding:20px 10px;">
              {raw(outlookWidthOpen)}
              <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border={0} style={styles.card}>
                <tr>
                  <td style={styles.header}>Action Plan Tracker – {forceName}</td>
                </tr>
                <tr>
                  <td style={styles.content}>{children}</td>
                </tr>
                <tr>
                  <td style={styles.small}>{footer}</td>
                </tr>
              </table>
              {raw(outlookWidthClose)}
            </td>
          </tr>
        </table>
      </body>
    </html>
  );
}

/** A "bulletproof" button: a table cell with a background colour, which Outlook does render. */
export function EmailButton({ href, label }: { href: string; label: string }) {
  return (
    <table role="presentation" cellpadding="0" cellspacing="0" border={0} style="margin:8px 0 16px 0;">
      <tr>
        {/* bgcolor too: Outlook's Word engine can drop the CSS background, leaving white text on white. */}
        <td style={styles.button} bgcolor="#00703c">
          <a href={href} style={styles.buttonLink}>
            {label}
          </a>
        </td>
      </tr>
    </table>
  );
}
