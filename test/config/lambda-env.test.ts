import { describe, expect, it } from 'vitest';
import { readLambdaEnv } from '../../functions/runtime/lambda-env.js';

const config = { id: 'demo', name: 'Demo', baseUrl: 'https://a.example', sender: 's@a.example', admins: ['a@a.example'] };

describe('Lambda environment', () => {
  it('reads the table, region and validated force config', () => {
    const settings = readLambdaEnv({ TABLE_NAME: 't', AWS_REGION: 'eu-west-2', FORCE_CONFIG: JSON.stringify(config) });
    expect(settings).toMatchObject({ tableName: 't', region: 'eu-west-2', config: { id: 'demo', staleAfterDays: 28 } });
  });

  it('fails fast naming each missing variable', () => {
    expect(() => readLambdaEnv({})).toThrow(/TABLE_NAME: must be set[\s\S]*FORCE_CONFIG: must hold[\s\S]*AWS_REGION: must be set/);
  });

  it('names a bad config field inside FORCE_CONFIG', () => {
    const env = { TABLE_NAME: 't', AWS_REGION: 'eu-west-2', FORCE_CONFIG: JSON.stringify({ ...config, sender: 'x' }) };
    expect(() => readLambdaEnv(env)).toThrow(/Force config FORCE_CONFIG is not valid:\n - sender: must be an email address/);
    expect(() => readLambdaEnv({ ...env, FORCE_CONFIG: '{nope' })).toThrow(/FORCE_CONFIG: is not valid JSON/);
  });
});
