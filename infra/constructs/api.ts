import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccessLogField,
  AccessLogFormat,
  AuthorizationType,
  EndpointType,
  IdentitySource,
  Integration,
  IntegrationType,
  LogGroupLogDestination,
  MethodLoggingLevel,
  RequestAuthorizer,
  RequestValidator,
  RestApi,
  type IResource,
} from 'aws-cdk-lib/aws-apigateway';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { RouteDef } from '../../shared/platform/routes.ts';

export interface ApiProps {
  routes: ReadonlyArray<{ route: RouteDef; fn: IFunction }>;
  authorizer: IFunction;
  /** The stage: every route, staff and public together. */
  rateLimit: number;
  burstLimit: number;
  /** Each public route on its own, lower: public traffic can't take the whole stage budget from staff. */
  publicRateLimit: number;
  publicBurstLimit: number;
  tracing: boolean;
  /** Authorizer result cache: short, because logout and idle timeout must take effect quickly. */
  authorizerCacheSeconds: number;
}

/**
 * The regional REST API (no edge-optimized endpoints in China): access logs kept 365 days,
 * stage throttling, the Lambda authorizer on every non-public route, one method per route.
 */
export class Api extends Construct {
  readonly api: RestApi;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN });
    this.api = new RestApi(this, 'Api', {
      endpointTypes: [EndpointType.REGIONAL],
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      binaryMediaTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      deployOptions: {
        stageName: 'prod',
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        // the standard JSON fields plus the request path: the case id or number is in it, so the
        // access log answers "every request about case X" (README: log queries)
        accessLogFormat: AccessLogFormat.custom(
          JSON.stringify({
            requestId: AccessLogField.contextRequestId(),
            ip: AccessLogField.contextIdentitySourceIp(),
            requestTime: AccessLogField.contextRequestTime(),
            httpMethod: AccessLogField.contextHttpMethod(),
            resourcePath: AccessLogField.contextResourcePath(),
            path: AccessLogField.contextPath(),
            status: AccessLogField.contextStatus(),
            protocol: AccessLogField.contextProtocol(),
            responseLength: AccessLogField.contextResponseLength(),
            integrationLatency: AccessLogField.contextIntegrationLatency(),
          }),
        ),
        loggingLevel: MethodLoggingLevel.ERROR,
        dataTraceEnabled: false, // request bodies carry personal data
        throttlingRateLimit: props.rateLimit,
        throttlingBurstLimit: props.burstLimit,
        methodOptions: Object.fromEntries(
          props.routes
            .filter(({ route }) => route.access === 'public')
            .map(({ route }) => [
              `${route.path}/${route.method}`,
              { throttlingRateLimit: props.publicRateLimit, throttlingBurstLimit: props.publicBurstLimit },
            ]),
        ),
        tracingEnabled: props.tracing,
      },
    });
    const validator = new RequestValidator(this, 'Validator', { restApi: this.api, validateRequestParameters: true, validateRequestBody: true });
    const authorizer = new RequestAuthorizer(this, 'Authorizer', {
      handler: props.authorizer,
      identitySources: [IdentitySource.header('Authorization')],
      resultsCacheTtl: Duration.seconds(props.authorizerCacheSeconds),
    });

    // One invoke permission per function for this API's stage, not one per method (LambdaIntegration's
    // default): a stack may hold 500 resources, and a permission per route spent a fifth of them.
    const integrations = new Map<IFunction, Integration>();
    const integrationOf = (fn: IFunction): Integration => {
      let i = integrations.get(fn);
      if (!i) {
        fn.addPermission('ApiInvoke', {
          principal: new ServicePrincipal('apigateway.amazonaws.com'),
          sourceArn: this.api.arnForExecuteApi('*', '/*', this.api.deploymentStage.stageName),
        });
        i = new Integration({
          type: IntegrationType.AWS_PROXY,
          integrationHttpMethod: 'POST',
          uri: `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}:lambda:path/2015-03-31/functions/${fn.functionArn}/invocations`,
        });
        integrations.set(fn, i);
      }
      return i;
    };
    for (const { route, fn } of props.routes) {
      const resource: IResource = this.api.root.resourceForPath(route.path);
      const method = resource.addMethod(route.method, integrationOf(fn), {
        requestValidator: validator,
        ...(route.access === 'public' ? { authorizationType: AuthorizationType.NONE } : { authorizationType: AuthorizationType.CUSTOM, authorizer }),
      });
      if (route.access === 'public') {
        NagSuppressions.addResourceSuppressions(method, [
          { id: 'AwsSolutions-APIG4', reason: `Public by design (shared/platform/routes.ts): ${route.name}.` },
          { id: 'AwsSolutions-COG4', reason: `Public by design (shared/platform/routes.ts): ${route.name}.` },
        ]);
      } else {
        NagSuppressions.addResourceSuppressions(method, [
          { id: 'AwsSolutions-COG4', reason: 'AWS China has no Cognito user pools: Bianmin has its own identity service behind a Lambda REQUEST authorizer.' },
        ]);
      }
    }
    NagSuppressions.addResourceSuppressions(this.api.deploymentStage, [
      { id: 'AwsSolutions-APIG3', reason: 'AWS WAF is attached per county by its IT where licensed; stage throttling is always on.' },
    ]);
  }
}
