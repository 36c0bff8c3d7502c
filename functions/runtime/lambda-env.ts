import * as z from '../core/zod.js';
import { parseForceConfig, type ForceConfig } from '../core/config/force-config.js';
import { parseOrThrow } from '../core/validation.js';
import { composeDeps, type CoreDeps } from './compose.js';

const LambdaEnv = z.object({
  TABLE_NAME: z.string({ error: 'must be set to the force table name (the CDK stack sets it)' }).check(z.minLength(1)),
  FORCE_CONFIG: z.string({ error: 'must hold the force config as JSON (the CDK stack sets it)' }).check(z.minLength(2)),
  AWS_REGION: z.string({ error: 'must be set (Lambda sets it)' }).check(z.minLength(1)),
  SES_CONFIGURATION_SET: z.optional(z.string()),
});

export interface LambdaSettings {
  config: ForceConfig;
  tableName: string;
  region: string;
  configurationSetName?: string;
}

/** Read once per cold start and failing fast with the variable's name. */
export function readLambdaEnv(env: Record<string, string | undefined>): LambdaSettings {
  const parsed = parseOrThrow(LambdaEnv, env, 'Lambda environment is not valid');
  let configJson: unknown;
  try {
    configJson = JSON.parse(parsed.FORCE_CONFIG);
  } catch {
    throw new Error('Lambda environment is not valid:\n - FORCE_CONFIG: is not valid JSON');
  }
  return {
    config: parseForceConfig(configJson, 'FORCE_CONFIG'),
    tableName: parsed.TABLE_NAME,
    region: parsed.AWS_REGION,
    ...(parsed.SES_CONFIGURATION_SET ? { configurationSetName: parsed.SES_CONFIGURATION_SET } : {}),
  };
}

/** Every Lambda's composition root: the environment read once per cold start, validated, and composed. */
export function composeFromEnvironment(env: Record<string, string | undefined>): CoreDeps {
  const settings = readLambdaEnv(env);
  return composeDeps({
    config: settings.config,
    tableName: settings.tableName,
    endpoints: { region: settings.region },
    ...(settings.configurationSetName ? { configurationSetName: settings.configurationSetName } : {}),
  });
}
