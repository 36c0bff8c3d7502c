import { describe, expect, it } from 'vitest';
import { linkEmail } from '../../functions/core/links/link-email.js';

describe('linkEmail', () => {
  const email = linkEmail({
    to: 'kay@testshire.example',
    subject: 'Your link',
    before: ['Dear Supt <Kay> O’Neil & team,', 'You have 2 actions (1.01, 2.03).'],
    link: { url: 'https://actions.testshire.example/u/abc?x="1"', textIntro: 'Open your link:', label: 'Open your actions' },
    after: ['It works until 18 December 2026.', 'Do not forward it.'],
    forceName: 'Testshire Police',
  });

  it('says the same in plain text and HTML, paragraph by paragraph', () => {
    expect(email.text.split('\n')).toEqual([
      'Dear Supt <Kay> O’Neil & team,', '', 'You have 2 actions (1.01, 2.03).', '',
      'Open your link:', 'https://actions.testshire.example/u/abc?x="1"', '',
      'It works until 18 December 2026.', 'Do not forward it.', '', 'Testshire Police – Action Plan Tracker',
    ]);
    const unstyled = email.html.replace(/ style="[^"]*"/g, '').split('\n');
    expect(unstyled.slice(2, -1)).toEqual([
      '<p>Dear Supt &lt;Kay&gt; O’Neil &amp; team,</p>',
      '<p>You have 2 actions (1.01, 2.03).</p>',
      '<p><a href="https://actions.testshire.example/u/abc?x=&quot;1&quot;">Open your actions</a></p>',
      '<p>It works until 18 December 2026.<br>Do not forward it.</p>',
      '<p>Testshire Police – Action Plan Tracker</p>',
    ]);
    expect(email).toMatchObject({ to: ['kay@testshire.example'], subject: 'Your link' });
  });

  it("is a whole document in the digests' sans-serif font, fit for a phone", () => {
    expect(email.html).toMatch(/^<!DOCTYPE html><html lang="en-GB"><head>.*<meta name="viewport" content="width=device-width, initial-scale=1"><title>Your link<\/title><\/head>/);
    expect(email.html).toContain('<div style="max-width:600px;padding:16px;font-family:Arial,Helvetica,sans-serif;');
    expect(email.html).toMatch(/<\/div><\/body><\/html>$/);
  });
});
