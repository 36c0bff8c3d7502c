import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { createApp } from '../web/app.js';
import { composeFromEnvironment } from './runtime/lambda-env.js';

let handleRequest: ReturnType<typeof handle> | undefined;

/** The http Lambda: the web app behind API Gateway, composed on the first request of a cold start. */
export const handler = (event: LambdaEvent, context?: LambdaContext) =>
  (handleRequest ??= handle(createApp(composeFromEnvironment(process.env))))(event, context);
