import { CfnOutput, Duration, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { DomainName, HttpApi, HttpRoute, HttpRouteKey, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { DeployConfig } from '../../functions/core/config/force-config.js';
import { AppFunction, type MailSending } from './app-function.js';
import { tableAccess } from './table-access.js';

/** Well above a force's use (a few hundred people), low enough to cap the cost of a flood. */
export const apiThrottle = { rateLimit: 50, burstLimit: 100 };

/**
 * One line of JSON per request. The path is left out on purpose: owner links carry their token in the
 * path, and access logs must not become a store of working links.
 */
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    method: '$context.httpMethod',
    status: '$context.status',
    latency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    responseLength: '$context.responseLength',
    sourceIp: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
  }),
);

export interface WebProps {
  table: ITableV2;
  mail: MailSending;
  /** The force config as JSON, its baseUrl being `url` below (see ForceStack). */
  forceConfigJson: string;
  deploy: DeployConfig;
}

/** The http function behind an API Gateway HTTP API: throttled, access-logged, optionally on the force's domain. */
export class Web extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly http: AppFunction;
  readonly accessLogs: LogGroup;
  readonly domainName: DomainName | undefined;
  /** Where people open the app: the custom domain, or the API's own address. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const { domainName, certificateArn } = props.deploy;
    this.api = new HttpApi(this, 'Api', {
      description: 'Action Plan Tracker: owner links and admin console',
      createDefaultStage: false,
      // With a custom domain, the execute-api address is switched off so there is one way in.
      disableExecuteApiEndpoint: domainName !== undefined,
    });
    this.domainName =
      domainName && certificateArn
        ? new DomainName(this, 'Domain', { domainName, certificate: Certificate.fromCertificateArn(this, 'Certificate', certificateArn) })
        : undefined;
    this.url = domainName ? `https://${domainName}` : this.api.apiEndpoint;

    this.http = new AppFunction(this, 'Http', {
      name: 'http',
      description: 'Owner links and admin console (Hono)',
      forceConfigJson: props.forceConfigJson,
      // Lambda gives CPU in proportion to memory, one whole vCPU at 1,769 MB (about 0.3 at 512 MB). A
      // cold start is CPU-bound (the bench's first request waits on the network for under 1 ms in 45),
      // and with a force's few hundred users nearly every visit is one; at this traffic the cost is pence.
      memorySize: 1769,
      timeout: Duration.seconds(10),
    })
      .useTable(props.table, tableAccess.http)
      .useMail(props.mail);
    // One $default route: every path and method goes to the Hono app, which does its own routing.
    const route = new HttpRoute(this, 'DefaultRoute', {
      httpApi: this.api,
      routeKey: HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration('Http', this.http.function),
    });
    Validations.of(route).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Authorisation is done by the app, not an API Gateway authorizer: owners have no accounts and use personal links whose 256-bit random token (stored hashed, expiring, revocable, scoped to one person) is the capability; the admin console signs in and keeps a server-side session checked on every request; changes are POST-only with CSRF checks; the stage is throttled.',
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.SIX_MONTHS });
    this.stage = new HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: apiThrottle,
      accessLogSettings: { destination: new LogGroupLogDestination(this.accessLogs), format: accessLogFormat },
      ...(this.domainName ? { domainMapping: { domainName: this.domainName } } : {}),
    });

    // At the stack's top level, so that each is printed as the README names it ("Url"), not "WebUrl8C5ED83B".
    const stack = Stack.of(this);
    new CfnOutput(stack, 'Url', { value: this.url, description: 'The address of the app: use it for the first admin sign-in' });
    // The first place to look when a sign-in email does not arrive: its SES error is logged there.
    new CfnOutput(stack, 'HttpLogGroup', { value: this.http.logGroup.logGroupName, description: "The web app's log group: SES errors of sign-in and link emails are logged here" });
    if (this.domainName) {
      new CfnOutput(stack, 'DomainTarget', {
        value: this.domainName.regionalDomainName,
        description: `Create a CNAME record: ${domainName} -> this value`,
      });
    }
  }
}
