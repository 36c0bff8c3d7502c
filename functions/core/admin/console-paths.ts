/** An action's page in the console: spelt once for its routes and for the emails that send admins to it. */
export const consoleActionPath = (actionId: string): string => `/admin/actions/${encodeURIComponent(actionId)}`;
