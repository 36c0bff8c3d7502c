/** The error SESv2 gives for an unverified recipient in the sandbox: its message names the address; a 4xx, so a client fault. */
export function sesRejection(address: string): Error {
  return Object.assign(new Error(`Email address is not verified. The following identities failed the check in region EU-WEST-2: ${address}`), {
    name: 'MessageRejected',
    $fault: 'client',
  });
}

/** SESv2 over its sending rate (429). */
export const sesThrottling = (): Error => Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException', $fault: 'client' });

/** A 5xx from SES: it may have taken the email before failing to answer. */
export const sesServerError = (): Error => Object.assign(new Error('InternalFailure'), { name: 'InternalFailure', $fault: 'server' });

/** What a send-failure log line must be: a reason code and the error's name, never the address or the id made from it. */
export function expectSafeFailureLine(line: unknown, address: string, expected: Record<string, string>): void {
  const text = String(line);
  if (text.toLowerCase().includes(address.toLowerCase())) throw new Error(`the log line names ${address}: ${text}`);
  const parsed = JSON.parse(text) as Record<string, unknown>;
  // Person ids are made from addresses.
  if ('personId' in parsed) throw new Error(`the log line names a person id: ${text}`);
  for (const [key, value] of Object.entries({ reason: 'unverified', errorName: 'MessageRejected', ...expected })) {
    if (parsed[key] !== value) throw new Error(`the log line's ${key} is ${String(parsed[key])}, not ${value}: ${text}`);
  }
}
