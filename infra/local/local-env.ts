import * as z from 'zod';
import { parseOrThrow } from '../../functions/core/validation.js';

const port = (fallback: number) =>
  z.coerce.number({ error: 'must be a port number' }).int('must be a whole port number').min(0, 'must be from 0 to 65535').max(65535, 'must be from 0 to 65535').default(fallback);

const LocalEnv = z.object({
  FORCE: z.string().default('demo'),
  PORT: port(3000),
  MAIL_PORT: port(8005),
  DYNAMO_PORT: port(8000),
  DATA_DIR: z.string().min(1).default('.data'),
});
export type LocalEnv = z.infer<typeof LocalEnv>;

/** The local runner's and CLIs' settings, read once where they start. */
export function readLocalEnv(env: Record<string, string | undefined>): LocalEnv {
  return parseOrThrow(LocalEnv, env, 'Local settings are not valid');
}
