/**
 * Emails are fluid (width 100%, max-width 600px) so that a phone shows them without sideways
 * scrolling. Outlook's Word engine ignores max-width and would stretch them across its window: only it
 * reads these conditional comments, which hold the email in a fixed 600 px table.
 */
export const outlookWidthOpen = '<!--[if mso]><table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->';
export const outlookWidthClose = '<!--[if mso]></td></tr></table><![endif]-->';
