import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { readdir } from 'node:fs/promises';
import type { DeployConfig, ForceConfig } from '../../functions/core/config/force-config.js';
import { forcesDir, loadForceConfig } from '../forces/load-force-config.js';
import { ForceStack } from './force-stack.js';

/** The ids `-c force=<id>` names: one, or every infra/forces/*.json for `all`. */
export async function forceIds(force: string | undefined, dir = forcesDir): Promise<string[]> {
  if (!force) throw new Error('Say which force to deploy: add -c force=<id> (a file in infra/forces/) or -c force=all');
  if (force !== 'all') return [force];
  return (await readdir(dir)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
}

/** The deploy section is optional for the local runner but required here, with the same message style. */
export function requireDeploy(config: ForceConfig): DeployConfig {
  if (config.deploy) return config.deploy;
  throw new Error(
    `Force config infra/forces/${config.id}.json is not valid:\n - deploy: is needed to deploy: add "deploy": { "account": "123456789012", "region": "eu-west-2", "senderDomain": "…", "alarmEmail": "…" } (see infra/forces/demo.json)`,
  );
}

/** One stack per force, in the force's own account and region, checked by both cdk-nag packs on synth. */
export async function addForceStacks(app: App, force: string | undefined, dir = forcesDir): Promise<ForceStack[]> {
  const stacks: ForceStack[] = [];
  for (const id of await forceIds(force, dir)) {
    const config = await loadForceConfig(id, dir);
    const deploy = requireDeploy(config);
    stacks.push(
      new ForceStack(app, `ActionPlanTracker-${config.id}`, {
        config,
        deploy,
        env: { account: deploy.account, region: deploy.region },
        description: `Action Plan Tracker for ${config.name}`,
      }),
    );
  }
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }), new ServerlessChecks(app, { verbose: true }));
  return stacks;
}
