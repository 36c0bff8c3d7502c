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

  it('with a successor: they sponsor every live action the leaver did; a co-owner still here leads where the leaver led', () => {
    const plan = planDeactivation(actions, 'leaver', 'next', everyoneHere);
    expect(moveOf(plan, 'led')).toEqual({ ownerIds: ['sro', 'co'], sroId: 'sro', lead: 'sro' });
    expect(moveOf(plan, 'led-and-sponsored')).toEqual({ ownerIds: ['co'], sroId: 'next', lead: 'next-owner' });
    expect(moveOf(plan, 'co-owned')).toEqual({ ownerIds: ['co'], sroId: 'next', lead: 'unchanged' });
    expect(moveOf(plan, 'sponsored')).toEqual({ ownerIds: ['co'], sroId: 'next', lead: 'not-owner' });
    expect(moveOf(plan, 'closed')).toBeUndefined();
    expect(plan.sroOf).toEqual([]);
  });

  it('a successor leads only an open action with no co-owner still here to lead it, and is listed once', () => {
    const here = (id: string) => id !== 'gone-co';
    const plan = planDeactivation(
      [
        makeAction({ id: 'alone', ref: '3.01', ownerIds: ['leaver'], sroId: 'leaver' }),
        makeAction({ id: 'with-gone-co', ref: '3.02', ownerIds: ['leaver', 'gone-co'], sroId: 'leaver' }),
        makeAction({ id: 'successor-co-owns', ref: '3.03', ownerIds: ['leaver', 'gone-co', 'next'], sroId: 'leaver' }),
      ],
      'leaver',
      'next',
      here,
    );
    expect(moveOf(plan, 'alone')).toEqual({ ownerIds: ['next'], sroId: 'next', lead: 'sro' });
    expect(moveOf(plan, 'with-gone-co')).toEqual({ ownerIds: ['next', 'gone-co'], sroId: 'next', lead: 'sro' });
    expect(moveOf(plan, 'successor-co-owns')).toEqual({ ownerIds: ['next', 'gone-co'], sroId: 'next', lead: 'next-owner' });
  });

  it('never gives the lead of a closure awaiting sign-off to its SRO, so that they can still sign it off', () => {
    const here = (id: string) => id !== 'gone-sro';
    const proposed = (id: string, ref: string, ownerIds: string[], sroId: string) => makeAction({ id, ref, ownerIds, sroId, status: 'proposed-closure' });
    const actions = [
      proposed('alone', '4.01', ['leaver'], 'sro'),
      proposed('shared', '4.02', ['leaver', 'co'], 'sro'),
      proposed('sro-co-owns', '4.03', ['leaver', 'sro'], 'sro'),
      proposed('sro-gone', '4.04', ['leaver', 'co'], 'gone-sro'),
      proposed('sponsored', '4.05', ['leaver'], 'leaver'),
      makeAction({ id: 'open', ref: '4.06', ownerIds: ['leaver'], sroId: 'sro' }),
    ];
    const closureOf = (plan: ReturnType<typeof planDeactivation>, id: string) => plan.moves.find((m) => m.action.id === id)?.closure;
    const plan = planDeactivation(actions, 'leaver', null, here);
    expect(moveOf(plan, 'alone')).toEqual({ ownerIds: [], sroId: 'sro', lead: 'nobody' });
    expect(moveOf(plan, 'shared')).toEqual({ ownerIds: ['co'], sroId: 'sro', lead: 'next-owner' });
    expect(moveOf(plan, 'sro-co-owns')).toEqual({ ownerIds: ['sro'], sroId: 'sro', lead: 'next-owner' });
    expect(moveOf(plan, 'open')).toEqual({ ownerIds: ['sro'], sroId: 'sro', lead: 'sro' });
    expect(Object.fromEntries(actions.map((a) => [a.id, closureOf(plan, a.id)]))).toEqual({
      alone: 'sro',
      shared: 'sro',
      // They owned it already, and nobody signs off their own action.
      'sro-co-owns': 'admin',
      'sro-gone': 'admin',
      // Until an admin chooses its SRO.
      sponsored: 'admin',
      open: null,
    });
    const handedOn = planDeactivation(actions, 'leaver', 'next', here);
    expect(moveOf(handedOn, 'sponsored')).toEqual({ ownerIds: [], sroId: 'next', lead: 'nobody' });
    expect(closureOf(handedOn, 'sponsored')).toBe('sro');
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
