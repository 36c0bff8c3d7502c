import { describe, expect, it } from 'vitest';
import { confirm, file, importHarness, personId, postForm, uploadAndPreview, type ImportHarness } from './import-fixture.js';

// Two people called Chris Evans: the plan's "Chris Evans" is either, and so is its "Evans, Chris".
const people = [
  'name,role,email,aliases',
  'Chris Evans,Inspector,chris.evans@northshire.police.example,',
  'Chris Evans,Finance,christopher.evans@northshire.police.example,',
  'Priya Nair,Superintendent,priya.nair@northshire.police.example,',
].join('\n');
const plan = [
  'Ref Number,Recommendation,SRO/CO lead,Plan Owner',
  '1.1,Do this,Chris Evans,Priya Nair',
  '1.2,Do that,Priya Nair,Chris Evans',
  'AFI 1,Do more,Priya Nair,"Priya Nair, Chris Evans"',
  'CoC 1,Do less,Priya Nair,"Evans, Chris"',
].join('\n');
const files = () => ({ plan: file(plan, 'plan.csv'), people: file(people, 'people.csv') });
const inspector = personId('chris.evans');
const finance = personId('christopher.evans');
const priya = personId('priya.nair');
const asked = (html: string) => [...html.matchAll(/Who is <strong>([^<]+)<\/strong>\?/g)].map((m) => m[1]);

/** Uploads the files, answers that "Chris Evans" is the Inspector, and imports: the names the preview asked about. */
async function importMatchingChrisEvans(h: ImportHarness) {
  const first = await uploadAndPreview(h, files());
  expect((await postForm(h, `${first.path}/aliases`, [['name', 'Chris Evans'], ['personId', inspector]])).status).toBe(303);
  const matched = await (await h.app.request(first.path)).text();
  expect((await confirm(h, first.path, /name="digest" value="([^"]+)"/.exec(matched)![1]!)).status).toBe(200);
  return asked(first.html);
}

describe('importing a plan that names two people who share a name, and importing it again', () => {
  it('asks once who "Chris Evans" is, "Evans, Chris" too, and then again changes nothing and asks nothing', async () => {
    const h = importHarness();
    expect(await importMatchingChrisEvans(h)).toEqual(['Chris Evans']);
    const stored = await h.repository.listActions();
    expect(stored.map((a) => [a.ref, a.sroId, a.ownerIds, a.unmatchedNames])).toEqual([
      ['1.1', inspector, [priya], []],
      ['1.2', priya, [inspector], []],
      ['AFI 1', priya, [priya, inspector], []],
      ['CoC 1', priya, [inspector], []],
    ]);
    // Their own name: no bare "Evans" or "Chris" kept as another name of theirs, to match them for good.
    expect((await h.repository.getPerson(inspector))?.aliases).toEqual([]);

    // CoC 1 given to the other Chris Evans in the console since: the sheet's "Evans, Chris" is them too.
    const coc = stored.find((a) => a.ref === 'CoC 1')!;
    await h.repository.putAction({ ...coc, ownerIds: [finance], version: coc.version + 1 }, coc.version);
    const before = await h.snapshot();
    const again = await uploadAndPreview(h, files());
    expect(asked(again.html)).toEqual([]);
    expect(again.html).not.toContain('→ not set');
    expect(again.html).not.toContain('could be any of');
    expect(again.html).toContain('Nothing to import: everything in these files is stored already.');
    expect({ ...((await h.snapshot()) as object), drafts: [] }).toEqual({ ...(before as object), drafts: [] });
  });

  it('still asks about the name on a new action', async () => {
    const h = importHarness();
    await importMatchingChrisEvans(h);

    const withNew = { plan: file(`${plan}\n1.5,Do it all,Priya Nair,Chris Evans`, 'plan.csv'), people: file(people, 'people.csv') };
    const again = await uploadAndPreview(h, withNew);
    expect(asked(again.html)).toEqual(['Chris Evans']);
    expect(again.html).toMatch(/row 6 \(action 1\.5\), column &quot;Plan Owner&quot;<\/td><td class="prose" data-label="Problem and what to do">&quot;Chris Evans&quot; could be any of/);
    expect(again.html).not.toMatch(/row [2-5] \(action [^)]+\), column &quot;(Plan Owner|SRO\/CO lead)&quot;<\/td><td class="prose" data-label="Problem and what to do">&quot;Chris Evans&quot; could be/);
    expect(again.html).not.toContain('→ not set');
  });
});
