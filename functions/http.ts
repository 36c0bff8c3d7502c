import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { createApp } from '../web/app.js';
import { composeDeps } from './runtime/compose.js';
import { readLambdaEnv } from './runtime/lambda-env.js';

let handleRequest: ReturnType<typeof handle> | undefined;

/** Composed on the first request of a cold start, so the environment is read once and in one place. */
function compose(): ReturnType<typeof handle> {
  const settings = readLambdaEnv(process.env);
  const deps = composeDeps({
    config: settings.config,
    tableName: settings.tableName,
    endpoints: { region: settings.region },
    ...(settings.configurationSetName ? { configurationSetName: settings.configurationSetName } : {}),
  });
  return handle(createApp(deps));
}

/** The http Lambda: the web app behind API Gateway. */
export const handler = (event: LambdaEvent, context?: LambdaContext) => (handleRequest ??= compose())(event, context);
