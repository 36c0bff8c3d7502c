import { describe, expect, it } from 'vitest';
import { MemoryRepository } from '../../functions/adapters/memory/memory-repository.js';
import { recordMailEvent } from '../../functions/core/mail-events/record-mail-event.js';
import { makePerson } from '../support/make-action.js';

async function repositoryWith(...people: Parameters<typeof makePerson>[0][]) {
  const repository = new MemoryRepository();
  for (const person of people) await repository.putPerson(makePerson(person));
  return repository;
}

describe('recording an SES bounce or complaint on the person', () => {
  it('marks a permanent bounce, matching the address whatever its case or display name', async () => {
    const repository = await repositoryWith({ id: 'p-1', email: 'alex.morgan@example.police.uk' });
    const outcome = await recordMailEvent(repository, { kind: 'bounce', permanent: true, recipients: ['"Alex" <Alex.Morgan@Example.Police.UK>', 'board@example.police.uk'] });
    expect(outcome).toEqual({ marked: ['p-1'], unknown: 1 });
    expect((await repository.getPerson('p-1'))?.mailStatus).toBe('bounced');
  });

  it('ignores a transient bounce: the next reminder may well arrive', async () => {
    const repository = await repositoryWith({ id: 'p-1' });
    expect(await recordMailEvent(repository, { kind: 'bounce', permanent: false, recipients: ['alex.morgan@example.police.uk'] })).toEqual({ marked: [], unknown: 0 });
    expect((await repository.getPerson('p-1'))?.mailStatus).toBe('ok');
  });

  it('keeps an admin edit made after the directory was read, and skips a person whose address changed', async () => {
    const repository = await repositoryWith({ id: 'p-1', name: 'Alex Morgan', email: 'alex.morgan@example.police.uk' }, { id: 'p-2', email: 'b@example.police.uk' });
    const read = await repository.listPeople();
    // The directory index lags: the event handler sees the people as they were a moment ago.
    const lagging = Object.assign(Object.create(repository) as MemoryRepository, { listPeople: async () => read });
    await repository.putPerson(makePerson({ id: 'p-1', name: 'Supt Alex Morgan (renamed)', email: 'alex.morgan@example.police.uk' }));
    await repository.putPerson(makePerson({ id: 'p-2', email: 'new.b@example.police.uk' }));
    const outcome = await recordMailEvent(lagging, { kind: 'bounce', permanent: true, recipients: ['alex.morgan@example.police.uk', 'b@example.police.uk'] });
    expect(outcome.marked).toEqual(['p-1']);
    expect(await repository.getPerson('p-1')).toMatchObject({ name: 'Supt Alex Morgan (renamed)', mailStatus: 'bounced' });
    expect((await repository.getPerson('p-2'))?.mailStatus).toBe('ok');
  });

  it('never turns a complaint back into a bounce, and does not rewrite a person already marked', async () => {
    const repository = await repositoryWith({ id: 'p-1', mailStatus: 'complained' }, { id: 'p-2', email: 'b@example.police.uk', mailStatus: 'bounced' });
    expect(await recordMailEvent(repository, { kind: 'bounce', permanent: true, recipients: ['alex.morgan@example.police.uk', 'b@example.police.uk'] })).toEqual({ marked: [], unknown: 0 });
    expect((await repository.getPerson('p-1'))?.mailStatus).toBe('complained');
    expect(await recordMailEvent(repository, { kind: 'complaint', recipients: ['b@example.police.uk'] })).toEqual({ marked: ['p-2'], unknown: 0 });
    expect((await repository.getPerson('p-2'))?.mailStatus).toBe('complained');
  });
});
