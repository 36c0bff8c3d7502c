import { ownerPaths } from '../owner/format.js';

/** What an admin can do for someone the console could not email: the console sends no links itself. */
export function NewLinkAdvice() {
  return (
    <>
      Tell them yourself: they can get a new link to their actions from the <a href={ownerPaths.newLink}>new link page</a> with their email address.
    </>
  );
}
