import { describe, expect, it } from 'vitest';
import { leaverWarnings, ownersAfterImport, returningLeavers } from '../../functions/core/import/leavers.js';
import { mergeAction } from '../../functions/core/import/merge-seed.js';
import { makeAction, makePerson } from '../support/make-action.js';

const gone = makePerson({ id: 'gone', name: 'ACO Ann Gone', active: false });
const alsoGone = makePerson({ id: 'also-gone', name: 'ACC Al Gone', active: false });
const directory = new Map([gone, alsoGone, makePerson({ id: 'b', name: 'Supt B' }), makePerson({ id: 'c', name: 'Supt C' })].map((p) => [p.id, p]));
const now = new Date('2026-11-27T10:00:00Z');

describe('a re-imported row naming someone who has left', () => {
  it('keeps the sheet’s other owners and whoever holds the action now', () => {
    const stored = makeAction({ ownerIds: ['b'] });
    const imported = makeAction({ ownerIds: ['gone', 'c'] });
    expect(mergeAction(stored, imported, now, directory).ownerIds).toEqual(['c', 'b']);
    expect(leaverWarnings(stored, imported, directory, 4)[0]!.message).toMatch(/^owned by Supt C, Supt B; the sheet names ACO Ann Gone/);
  });

  it('does not leave an action without an owner when the sheet had someone besides the leaver', () => {
    const stored = makeAction({ ownerIds: [] });
    const imported = makeAction({ ownerIds: ['gone', 'b'] });
    expect(ownersAfterImport(stored, imported, returningLeavers(stored, imported, directory)).ownerIds).toEqual(['b']);
  });

  it('says when the SRO kept has left too, so that someone reassigns it', () => {
    const stored = makeAction({ sroId: 'also-gone' });
    const imported = makeAction({ sroId: 'gone' });
    expect(leaverWarnings(stored, imported, directory, 4).map((p) => p.message)).toEqual([
      'kept ACC Al Gone as SRO, who has also left: reassign it; the sheet names ACO Ann Gone, who has left (deactivated in People)',
    ]);
  });

  it('says nothing of a closed, not accepted or superseded action, whose owners are its history', () => {
    for (const status of ['closed', 'not-accepted', 'superseded'] as const) {
      const stored = makeAction({ status, ownerIds: ['gone'], sroId: 'gone' });
      expect(leaverWarnings(stored, stored, directory, 4)).toEqual([]);
    }
  });
});
