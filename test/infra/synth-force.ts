import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import type { ForceStack } from '../../infra/stacks/force-stack.js';
import { addForceStacks } from '../../infra/stacks/force-app.js';

/**
 * Builds the app as `cdk synth -c force=<force>` does. Bundling is skipped (empty bundling-stacks):
 * Template tests check resources, not code; test/infra/bundles.test.ts bundles for real.
 */
export async function synthForce(force: string, options: { dir?: string; bundle?: boolean } = {}): Promise<{ app: App; stacks: ForceStack[] }> {
  const app = new App(options.bundle ? {} : { context: { 'aws:cdk:bundling-stacks': [] } });
  const stacks = await addForceStacks(app, force, ...(options.dir ? [options.dir] : []));
  return { app, stacks };
}

export async function templateOf(force: string): Promise<Template> {
  const { stacks } = await synthForce(force);
  return Template.fromStack(stacks[0]!);
}

/** Every finding of both packs that is not acknowledged, as "rule at path" lines. */
export function nagFindings(stack: ForceStack): string[] {
  return [new AwsSolutionsChecks(), new ServerlessChecks()].flatMap((pack) =>
    pack.validateScope(stack).violations.flatMap((v) => v.violatingResources.map((r) => `${v.severity} ${v.ruleName} at ${r.constructPath}`)),
  );
}
