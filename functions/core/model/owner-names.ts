/**
 * How an email (an SRO's escalation, the board summary) names an owner the directory cannot name. It goes to a mailbox, so it
 * carries no more than a name would: never a person's id (made from their address), nor the whole of a
 * plan's cell, which may hold notes as well as a name.
 */

/** Room for a rank and a full name; a cell's longer text is cut, with an ellipsis to show it was. */
const maxUnmatchedLength = 60;

/** A name the import matched to nobody, as the plan's cell had it: on one line, and no longer than a name. */
export function unmatchedOwnerName(cell: string): string {
  const text = cell.replace(/\s+/g, ' ').trim();
  // By code point, so an accented or astral character is never cut in half.
  const chars = [...text];
  return chars.length <= maxUnmatchedLength ? text : `${chars.slice(0, maxUnmatchedLength - 1).join('').trimEnd()}…`;
}

/** An admin (or an import) the directory does not hold, where owners read who acted: never their address. */
export const unlistedAdminName = 'An administrator';

/** An owner whose entry the directory no longer holds: all that is left of them is their id. */
export const missingOwnerName = 'someone no longer in the people directory';

/** The same, where it starts a sentence or stands alone as a name. */
export const missingPersonName = 'Someone no longer in the people directory';

/**
 * Someone an owner's page (or the console) names: marked when they have left, so that a co-owner or an
 * SRO knows who no longer answers for an action (the console keeps them on it until an admin reassigns it).
 */
export function nameOnOwnerPages(person: { name: string; active: boolean } | null | undefined): string {
  if (!person) return missingPersonName;
  return person.active ? person.name : `${person.name} (has left)`;
}
