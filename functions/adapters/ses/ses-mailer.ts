import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { Mailer, OutgoingEmail } from '../../core/ports.js';
import { awsTimeouts, buildAwsClient, localCredentials, type AwsEndpoints } from '../aws-clients.js';

/** SESv2 SendEmail with a Simple message: HTML, text and attachments without hand-built MIME. */
export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly sender: string,
    private readonly configurationSetName?: string,
  ) {}

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const result = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.sender,
        Destination: { ToAddresses: email.to },
        ...(this.configurationSetName ? { ConfigurationSetName: this.configurationSetName } : {}),
        ...(email.tags ? { EmailTags: Object.entries(email.tags).map(([Name, Value]) => ({ Name, Value })) } : {}),
        Content: {
          Simple: {
            Subject: { Data: oneLine(email.subject), Charset: 'UTF-8' },
            Body: { Html: { Data: email.html, Charset: 'UTF-8' }, Text: { Data: email.text, Charset: 'UTF-8' } },
            ...(email.attachments?.length
              ? {
                  Attachments: email.attachments.map((a) => ({
                    FileName: a.filename,
                    ContentType: a.contentType,
                    RawContent: a.content,
                    ContentDisposition: 'ATTACHMENT' as const,
                  })),
                }
              : {}),
          },
        },
      }),
    );
    if (!result.MessageId) throw new Error('SES accepted the email but returned no message id');
    return { messageId: result.MessageId };
  }
}

/**
 * Subjects carry refs from the plan, where a cell may hold a line break: a header is one line, so any
 * run of spaces, breaks or other control characters is one space, here where every email leaves.
 */
function oneLine(text: string): string {
  return text.replace(/[\s\p{Cc}]+/gu, ' ').trim();
}

/**
 * `sendOnce` for the jobs, which must not email anyone twice for one day or month: the SDK retries a
 * 5xx, a timeout or a dropped connection, any of which may come after SES accepted the email, so a
 * retry could deliver a second copy while the job records one. The jobs keep their own records of an
 * unknown outcome (and the reminder job retries throttling, which SES refused, itself).
 */
export function createSesClient(endpoints: AwsEndpoints, options: { sendOnce?: boolean } = {}): SESv2Client {
  const settings = { region: endpoints.region, ...(options.sendOnce ? { maxAttempts: 1 } : {}) };
  return endpoints.sesEndpoint
    ? new SESv2Client({ ...settings, endpoint: endpoints.sesEndpoint, credentials: localCredentials })
    : buildAwsClient(awsTimeouts.ses, (requestHandler) => new SESv2Client({ ...settings, requestHandler }));
}

/**
 * `"Northshire Police Action Plan Tracker" <action-plan@…>`: an inbox lists the name, not the address,
 * and the name tells an officer the email is their force's before they open it. SES takes a display
 * name as a quoted string, or MIME-encoded when it is not plain ASCII.
 */
export function senderWithName(address: string, name: string): string {
  const display = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : encodedWords(name);
  return `${display} <${address}>`;
}

/** RFC 2047 words of at most 75 characters (45 bytes of UTF-8 each), never splitting a character. */
function encodedWords(text: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    if (Buffer.byteLength(chunk + char) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word).toString('base64')}?=`).join(' ');
}

export function createSesMailer(
  endpoints: AwsEndpoints,
  sender: { address: string; name: string },
  options: { configurationSetName?: string; sendOnce?: boolean } = {},
): Mailer {
  return new SesMailer(createSesClient(endpoints, options), senderWithName(sender.address, sender.name), options.configurationSetName);
}
