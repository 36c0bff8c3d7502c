import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSesClient, createSesMailer, SesMailer, senderWithName } from '../../functions/adapters/ses/ses-mailer.js';
import { startLocalSes, type StandIn } from '../../infra/local/stand-ins.js';
import { startLostAnswerProxy } from '../support/fault-proxy.js';

interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  attachments: { filename?: string; contentType: string; size: number }[];
}

let ses: StandIn;
beforeAll(async () => {
  ses = await startLocalSes();
});
afterAll(() => ses.close());

async function sentEmails(): Promise<StoredEmail[]> {
  const response = await fetch(`${ses.endpoint}/store`);
  return ((await response.json()) as { emails: StoredEmail[] }).emails;
}

const mailerFor = (name = 'Northshire Police Action Plan Tracker') =>
  createSesMailer({ region: 'eu-west-2', sesEndpoint: ses.endpoint }, { address: 'action-plan@northshire.example', name });

describe('SES mailer on aws-ses-v2-local', () => {
  it('sends once when asked to (the jobs): a lost answer is not retried into a second copy, as the SDK would by default', async () => {
    const proxy = await startLostAnswerProxy(ses.endpoint);
    try {
      const email = { to: ['supt.okoro@northshire.example'], subject: 'Lost answer', html: '<p>x</p>', text: 'x' };
      const sender = { address: 'action-plan@northshire.example', name: 'Northshire' };
      await expect(createSesMailer({ region: 'eu-west-2', sesEndpoint: proxy.endpoint }, sender, { sendOnce: true }).send(email)).rejects.toThrow();
      expect(proxy.delivered()).toBe(1);
      await expect(createSesMailer({ region: 'eu-west-2', sesEndpoint: proxy.endpoint }, sender).send(email)).rejects.toThrow();
      expect(proxy.delivered()).toBeGreaterThan(2);
    } finally {
      await proxy.close();
    }
  });

  it('sends HTML and plain text from the configured sender, read back from the store', async () => {
    const { messageId } = await mailerFor().send({
      to: ['supt.okoro@northshire.example'],
      subject: '3 actions need an update',
      html: '<p>Refs <b>101</b>, 102, 103</p>',
      text: 'Refs 101, 102, 103',
    });
    const stored = (await sentEmails()).find((e) => e.messageId === messageId);
    expect(stored).toMatchObject({
      from: '"Northshire Police Action Plan Tracker" <action-plan@northshire.example>',
      destination: { to: ['supt.okoro@northshire.example'] },
      subject: '3 actions need an update',
      body: { html: '<p>Refs <b>101</b>, 102, 103</p>', text: 'Refs 101, 102, 103' },
    });
  });

  it('names the force as the sender, quoted, or MIME-encoded when it is not plain ASCII', async () => {
    for (const [name, from] of [
      ['Avon & "Somerset" Police Action Plan Tracker', '"Avon & \\"Somerset\\" Police Action Plan Tracker" <action-plan@northshire.example>'],
      ['Heddlu Gogledd Cymru – Traciwr', `=?UTF-8?B?${Buffer.from('Heddlu Gogledd Cymru – Traciwr').toString('base64')}?= <action-plan@northshire.example>`],
    ]) {
      const { messageId } = await mailerFor(name).send({ to: ['supt.okoro@northshire.example'], subject: 'Test', html: '<p>Test</p>', text: 'Test' });
      expect((await sentEmails()).find((e) => e.messageId === messageId)?.from).toBe(from);
    }
    // A long name is several encoded words of at most 75 characters, each whole characters.
    const long = 'Heddlu Dyfed-Powys – Traciwr Cynllun Gweithredu’r Arolygiaeth';
    const words = senderWithName('action-plan@northshire.example', long).replace(/ <[^>]+>$/, '').split(' ');
    expect(words.length).toBeGreaterThan(1);
    for (const word of words) expect(word.length).toBeLessThanOrEqual(75);
    expect(words.map((word) => Buffer.from(word.slice(10, -2), 'base64').toString('utf8')).join('')).toBe(long);
  });

  // A ref typed with a line break (a spreadsheet cell, Alt+Enter) must not break the subject header.
  it('sends a subject on one line, whatever line breaks the words in it hold', async () => {
    const { messageId } = await mailerFor().send({ to: ['supt.okoro@northshire.example'], subject: 'Action AFI\r\n1\nBcc: x@example.com is ready', html: '<p>Test</p>', text: 'Test' });
    expect((await sentEmails()).find((e) => e.messageId === messageId)?.subject).toBe('Action AFI 1 Bcc: x@example.com is ready');
  });

  it('attaches files without hand-built MIME', async () => {
    const content = new TextEncoder().encode('Ref,Status\n101,open\n');
    const { messageId } = await mailerFor().send({
      to: ['board@northshire.example'],
      subject: 'Board pack',
      html: '<p>Attached</p>',
      text: 'Attached',
      attachments: [{ filename: 'pack.csv', contentType: 'text/csv', content }],
    });
    const stored = (await sentEmails()).find((e) => e.messageId === messageId);
    expect(stored?.attachments).toEqual([expect.objectContaining({ filename: 'pack.csv', contentType: 'text/csv', size: content.length })]);
  });

  it('sends the email tags that SES gives back with a bounce, and none when the email has none', async () => {
    const client = createSesClient({ region: 'eu-west-2', sesEndpoint: ses.endpoint });
    const sentInputs: Array<Record<string, unknown>> = [];
    client.middlewareStack.add(
      (next) => async (args) => {
        sentInputs.push(args.input as Record<string, unknown>);
        return next(args);
      },
      { step: 'initialize', name: 'recordInput' },
    );
    const mailer = new SesMailer(client, 'action-plan@northshire.example');
    const email = { to: ['pcc.office@northshire.example'], subject: 'Board summary', html: '<p>x</p>', text: 'x' };
    await mailer.send({ ...email, tags: { 'board-summary': '2026-10' } });
    await mailer.send(email);
    client.destroy();
    expect(sentInputs.map((input) => input.EmailTags)).toEqual([[{ Name: 'board-summary', Value: '2026-10' }], undefined]);
  });
});
