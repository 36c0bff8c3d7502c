import { App } from 'aws-cdk-lib';
import { addForceStacks } from '../stacks/force-app.js';

/** `cdk synth -c force=<id>` (or `force=all`): validate each config, create its stack, run cdk-nag. */
const app = new App();
await addForceStacks(app, app.node.tryGetContext('force') as string | undefined);
app.synth();
