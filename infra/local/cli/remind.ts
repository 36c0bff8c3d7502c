import { parseArgs } from 'node:util';
import { formatStaleDigests } from '../../../functions/core/reminders/format-stale-digests.js';
import { previewReminders } from '../../../functions/core/reminders/preview-reminders.js';
import { connectLocalRepository } from '../connect.js';

/** `npm run remind -- --dry-run | --now`: the reminder job against the running local stack. */
async function main() {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean' }, now: { type: 'boolean' } } });
  if (!values['dry-run'] && !values.now) throw new Error('Say what to do: --dry-run lists who would be reminded, --now runs the job');
  const { deps } = await connectLocalRepository();
  const digests = await previewReminders(deps);
  console.log(formatStaleDigests(digests, deps.config.staleAfterDays));
  if (values.now) console.log('\nSending reminders arrives with the reminders issue: nothing was sent.');
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
