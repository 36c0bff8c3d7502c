import { describe, expect, it } from 'vitest';
import { planDeactivation } from '../../functions/core/admin/people/plan-deactivation.js';
import { makeAction } from '../support/make-action.js';

const moveOf = (plan: ReturnType<typeof planDeactivation>, id: string) => {
  const move = plan.moves.find((m) => m.action.id === id);
  return move && { ownerIds: move.ownerIds, sroId: move.sroId, lead: move.lead };
};

const everyoneHere = () => true;

describe('planDeactivation', () => {
  const actions = [
    makeAction({ id: 'led', ref: '1.01', ownerIds: ['leaver', 'co'], sroId: 'sro' }),
    makeAction({ id: 'led-and-sponsored', ref: '1.02', ownerIds: ['leaver', 'co'], sroId: 'leaver' }),
    makeAction({ id: 'co-owned', ref: '1.03', ownerIds: ['co', 'leaver'], sroId: 'leaver' }),
    makeAction({ id: 'sponsored', ref: '1.04', ownerIds: ['co'], sroId: 'leaver' }),
    makeAction({ id: 'closed', ref: '1.05', ownerIds: ['leaver'], sroId: 'leaver', status: 'closed' }),
  ];

  it('without a successor: leads pass to the SRO or the next co-owner, and their portfolio stays theirs', () => {
    const plan = planDeactivation(actions, 'leaver', null, everyoneHere);
    expect(moveOf(plan, 'led')).toEqual({ ownerIds: ['sro', 'co'], sroId: 'sro', lead: 'sro' });
    expect(moveOf(plan, 'led-and-sponsored')).toEqual({ ownerIds: ['co'], sroId: 'leaver', lead: 'next-owner' });
    expect(moveOf(plan, 'co-owned')).toEqual({ ownerIds: ['co'], sroId: 'leaver', lead: 'unchanged' });
    expect(moveOf(plan, 'sponsored')).toBeUndefined();
    expect(plan.sroOf.map((a) => a.id)).toEqual(['led-and-sponsored', 'co-owned', 'sponsored']);
  });

  it('with a successor: they sponsor every live action the leaver did, and lead where the leaver led and sponsored', () => {
    const plan = planDeactivation(actions, 'leaver', 'next', everyoneHere);
    expect(moveOf(plan, 'led')).toEqual({ ownerIds: ['sro', 'co'], sroId: 'sro', lead: 'sro' });
    expect(moveOf(plan, 'led-and-sponsored')).toEqual({ ownerIds: ['next', 'co'], sroId: 'next', lead: 'sro' });
    expect(moveOf(plan, 'co-owned')).toEqual({ ownerIds: ['co'], sroId: 'next', lead: 'unchanged' });
    expect(moveOf(plan, 'sponsored')).toEqual({ ownerIds: ['co'], sroId: 'next', lead: 'not-owner' });
    expect(moveOf(plan, 'closed')).toBeUndefined();
    expect(plan.sroOf).toEqual([]);
  });

  it('a successor who already co-owns an action they now lead is listed once, first', () => {
    const plan = planDeactivation([makeAction({ id: 'a', ownerIds: ['leaver', 'co', 'next'], sroId: 'leaver' })], 'leaver', 'next', everyoneHere);
    expect(moveOf(plan, 'a')).toEqual({ ownerIds: ['next', 'co'], sroId: 'next', lead: 'sro' });
  });

  it('an SRO who has left does not take the lead: the first co-owner still here does, else nobody', () => {
    const here = (id: string) => id !== 'gone-sro' && id !== 'gone-co';
    const plan = planDeactivation(
      [
        makeAction({ id: 'to-co', ref: '2.01', ownerIds: ['leaver', 'gone-co', 'co'], sroId: 'gone-sro' }),
        makeAction({ id: 'to-nobody', ref: '2.02', ownerIds: ['leaver', 'gone-co'], sroId: 'gone-sro' }),
      ],
      'leaver',
      null,
      here,
    );
    expect(moveOf(plan, 'to-co')).toEqual({ ownerIds: ['co', 'gone-co'], sroId: 'gone-sro', lead: 'next-owner' });
    expect(moveOf(plan, 'to-nobody')).toEqual({ ownerIds: ['gone-co'], sroId: 'gone-sro', lead: 'nobody' });
  });
});
