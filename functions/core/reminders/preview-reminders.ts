import type { ForceConfig } from '../config/force-config.js';
import type { Clock, Repository } from '../ports.js';
import { staleCutoff } from '../rules/stale.js';
import { groupStaleByOwner, type StaleDigest } from './group-stale-by-owner.js';

export interface PreviewRemindersDeps {
  repository: Repository;
  config: ForceConfig;
  clock: Clock;
}

/** Who would be reminded of what right now: reads the stale index and the directory, writes nothing. */
export async function previewReminders({ repository, config, clock }: PreviewRemindersDeps): Promise<StaleDigest[]> {
  const now = clock.now();
  const [stale, people] = await Promise.all([repository.listStaleActions(staleCutoff(now, config.staleAfterDays)), repository.listPeople()]);
  return groupStaleByOwner(stale, people, now, config.staleAfterDays);
}
