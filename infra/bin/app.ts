import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readdir } from 'node:fs/promises';
import { forcesDir, loadForceConfig } from '../forces/load-force-config.js';
import { ForceStack } from '../stacks/force-stack.js';

/** `cdk synth -c force=<id>` (or `force=all`): validate the config, create the stack, run cdk-nag. */
const app = new App();
const force = app.node.tryGetContext('force') as string | undefined;
if (!force) throw new Error('Say which force to deploy: add -c force=<id> (a file in infra/forces/) or -c force=all');
const ids = force === 'all' ? (await readdir(forcesDir)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)) : [force];
for (const id of ids) {
  const config = await loadForceConfig(id);
  new ForceStack(app, `ActionPlanTracker-${config.id}`, { config, description: `Action Plan Tracker for ${config.name}` });
}
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
