import { ownerPaths } from '../owner/format.js';

/**
 * What an admin can do for someone the console could not email: the console sends no links itself, and
 * the new-link page mails the address on file, which for a bounced address must be put right first.
 */
export function NewLinkAdvice({ addressJustCorrected = false }: { addressJustCorrected?: boolean }) {
  return (
    <>
      Tell them yourself.{' '}
      {addressJustCorrected
        ? 'They can get a new link to their actions'
        : 'If their address bounced or reported our email as spam, correct it on their People page first; then they can get a new link to their actions'}{' '}
      from the <a href={ownerPaths.newLink}>new link page</a> with their email address.
    </>
  );
}
