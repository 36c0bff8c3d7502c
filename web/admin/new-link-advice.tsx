/**
 * What an admin can do for someone the console could not email: send a new link from their People
 * page, once an address that bounced has been put right (an email to it would only bounce again).
 */
export function NewLinkAdvice({ addressJustCorrected = false }: { addressJustCorrected?: boolean }) {
  return addressJustCorrected ? (
    <>Email them a new link with the button under Personal links below.</>
  ) : (
    <>Tell them yourself, or email them a new link from their People page (if their address bounced or was marked as spam, correct it there first).</>
  );
}
