import * as z from '../../functions/core/zod.js';
import { parseOrThrow } from '../../functions/core/validation.js';

const port = (fallback: number) =>
  z._default(
    z.coerce.number({ error: 'must be a port number' }).check(z.int('must be a whole port number'), z.minimum(0, 'must be from 0 to 65535'), z.maximum(65535, 'must be from 0 to 65535')),
    fallback,
  );

const LocalEnv = z.object({
  FORCE: z._default(z.string(), 'demo'),
  PORT: port(3000),
  MAIL_PORT: port(8005),
  DYNAMO_PORT: port(8000),
  DATA_DIR: z._default(z.string().check(z.minLength(1)), '.data'),
});
export type LocalEnv = z.infer<typeof LocalEnv>;

/** The local runner's and CLIs' settings, read once where they start. */
export function readLocalEnv(env: Record<string, string | undefined>): LocalEnv {
  return parseOrThrow(LocalEnv, env, 'Local settings are not valid');
}
