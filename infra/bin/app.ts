import { App } from 'aws-cdk-lib';
import { addForceStacks } from '../stacks/force-app.js';

/** `cdk synth -c force=<id>` (or `force=all`): validate each config, create its stack, run cdk-nag. */
const app = new App();
try {
  await addForceStacks(app, app.node.tryGetContext('force') as string | undefined);
} catch (error) {
  // A config mistake is the admin's to fix: show the message naming the field, not a stack trace.
  console.error((error as Error).message);
  process.exit(1);
}
app.synth();
