import { consoleActionPath } from '../../../functions/core/admin/console-paths.js';

/** The console's action pages; ids are encoded, though the schema keeps them to [a-z0-9-]. */
export const actionPaths = {
  list: '/admin/actions',
  action: consoleActionPath,
  change: (id: string, change: ActionChange) => `${consoleActionPath(id)}/${change}`,
};

/** Each change is its own POST route and form; the name is also the form's anchor on the page. */
export const actionChanges = ['edit', 'reassign', 'sign-off', 'reopen', 'not-accepted', 'superseded', 'on-behalf'] as const;
export type ActionChange = (typeof actionChanges)[number];

export const changeLabels: Record<ActionChange, string> = {
  edit: 'Edit the action',
  reassign: 'Reassign owners',
  'sign-off': 'Sign off the closure',
  reopen: 'Reopen',
  'not-accepted': 'Mark not accepted',
  superseded: 'Mark superseded',
  'on-behalf': "Add an update on an owner's behalf",
};

/** What the success banner says after each change. */
export const doneMessages: Record<ActionChange, string> = {
  edit: 'The action was edited',
  reassign: 'Owners reassigned',
  'sign-off': 'Closure signed off: the action is closed',
  reopen: 'The action was reopened',
  'not-accepted': 'The action is marked not accepted',
  superseded: 'The action is marked superseded',
  'on-behalf': 'Update saved on the owner’s behalf',
};
