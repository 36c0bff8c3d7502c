import { readLocalEnv } from './local-env.js';
import { startLocalStack } from './local-stack.js';

const formatLocal = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(instant);

/** `npm start [-- --memory]`: the whole system on this machine. */
async function main() {
  const env = readLocalEnv(process.env);
  const memory = process.argv.includes('--memory');
  const stack = await startLocalStack({
    forceId: env.FORCE,
    memory,
    dataDir: env.DATA_DIR,
    ports: { app: env.PORT, mail: env.MAIL_PORT, dynamo: env.DYNAMO_PORT },
  });
  const config = stack.deps.config;
  console.log(
    [
      ``,
      `Action Plan Tracker is running locally for ${config.name}`,
      `  App:          ${stack.appUrl}   (admin console: ${stack.appUrl}/admin/sign-in, as ${config.admins[0]})`,
      `  Mail viewer:  ${stack.mailUrl}   (every email sent, via the local SES)`,
      `  DynamoDB:     ${stack.dynamoEndpoint}   table ${stack.tableName}`,
      `  Data:         ${stack.dataPath ?? 'in memory only (--memory): gone when you stop'}`,
      `  Demo data:    ${stack.demoLoaded ? 'loaded now (first start)' : 'already there'}`,
      `  Schedules (${config.timeZone}):`,
      ...stack.schedules.map((s) => `    ${s.name.padEnd(14)} ${s.cron.padEnd(14)} next run ${s.nextRun ? formatLocal(s.nextRun, config.timeZone) : 'never'}`),
      ``,
      `Press Ctrl-C to stop.`,
    ].join('\n'),
  );
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await stack.stop();
    console.log(stack.dataPath ? 'Stopped. Your data is kept for the next start.' : 'Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: NodeJS.ErrnoException & { port?: number }) => {
  // Most often the tracker is running already, in another terminal.
  const inUse = error.code === 'EADDRINUSE' && `port ${error.port ?? ''} is in use: is the tracker already running, in another terminal? Stop it (Ctrl-C there), or start this one on other ports with PORT, MAIL_PORT and DYNAMO_PORT (the README's quick start says how).`;
  console.error(`Could not start: ${inUse || error.message}`);
  process.exit(1);
});
