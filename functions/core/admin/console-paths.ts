/** An action's page in the console: spelt once for its routes and for the emails that send admins to it. */
export const consoleActionPath = (actionId: string): string => `/admin/actions/${encodeURIComponent(actionId)}`;

/** The id of a change's section on that page ("sign-off", "reopen"), for a link straight to it. */
export const consoleChangeAnchor = (change: string): string => `change-${change}`;
