import { join } from 'node:path';
import { Aws, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import { ROUTES, type RouteDef } from '../../shared/platform/routes.ts';
import { QUEUES, TOPICS, type QueueDef } from '../../shared/platform/queues.ts';
import { SCHEDULES, type ScheduleDef } from '../../shared/platform/schedules.ts';
import { TABLES } from '../../shared/platform/tables.ts';
import type { CountyConfig } from '../config/county-config.ts';
import { AppFunction } from '../constructs/app-function.ts';
import { Api } from '../constructs/api.ts';
import { StaticSite } from '../constructs/static-site.ts';
import { DataMigrations } from '../constructs/data-migrations.ts';
import { MIGRATIONS } from '../../shared/migrations/registry.ts';
import type { DataStack } from './data-stack.ts';

const ROOT = join(import.meta.dirname, '..', '..');

export interface AppStackProps extends StackProps {
  county: CountyConfig;
  data: DataStack;
  /** Defaults to the shared definitions; tests may pass a subset. */
  routes?: readonly RouteDef[];
  queues?: readonly QueueDef[];
  schedules?: readonly ScheduleDef[];
}

/** What a county runs: functions, the API and its authorizer, schedules, the web front, alarms. */
export class AppStack extends Stack {
  readonly api: Api;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const { county, data } = props;
    const china = county.region.startsWith('cn-');
    const environment: Record<string, string> = {
      COUNTY_CODE: county.code,
      POWERTOOLS_SERVICE_NAME: `bianmin-${county.code}`,
      AUDIT_RETENTION_DAYS: String(county.auditRetentionDays),
      YELLOW_CARD_WORKDAYS: String(county.thresholds.yellowCardWorkdays),
      TOTP_FOR_ALL: String(county.totpForAll),
      ROLE_SCOPES_JSON: JSON.stringify(county.roleScopes ?? {}),
      DATA_KMS_KEY_ID: data.dataKey.keyId,
      JWT_KMS_KEY_ID: data.jwtKey.keyId,
      LOOKUP_KMS_KEY_ID: data.lookupKey.keyId,
      ...Object.fromEntries(TABLES.map((t) => [t.envVar, data.tables.get(t.id)!.tableName])),
      ...Object.fromEntries(QUEUES.map((q) => [q.envVar, data.queues.get(q.id)!.queue.queueUrl])),
      ...Object.fromEntries(TOPICS.map((t) => [t.envVar, data.topic.topicArn])),
    };

    const logsStatement = new PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [`arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:/aws/lambda/*`],
    });
    // audit is append-only (等保 安全审计): no function may change or remove an event
    const auditDeny = new PolicyStatement({
      effect: Effect.DENY,
      actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:PartiQLUpdate', 'dynamodb:PartiQLDelete'],
      resources: [data.tables.get('audit')!.tableArn],
    });

    const appRole = new Role(this, 'AppRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: 'HTTP, queue and schedule functions' });
    appRole.addToPolicy(logsStatement);
    for (const t of TABLES) {
      const table = data.tables.get(t.id)!;
      if (t.id === 'audit') {
        appRole.addToPolicy(
          new PolicyStatement({
            actions: ['dynamodb:PutItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'],
            resources: [table.tableArn, `${table.tableArn}/index/*`],
          }),
        );
      } else table.grantReadWriteData(appRole);
    }
    appRole.addToPolicy(auditDeny);
    data.dataKey.grantEncryptDecrypt(appRole);
    data.dataKey.grant(appRole, 'kms:GenerateDataKey');
    data.jwtKey.grant(appRole, 'kms:Sign', 'kms:GetPublicKey');
    data.lookupKey.grant(appRole, 'kms:GenerateMac');
    for (const q of data.queues.values()) q.queue.grantSendMessages(appRole);
    data.topic.grantPublish(appRole);
    // GET /api/health checks that the topic answers
    appRole.addToPolicy(new PolicyStatement({ actions: ['sns:GetTopicAttributes'], resources: [data.topic.topicArn] }));
    data.failures.grantSendMessages(appRole);

    const authorizerRole = new Role(this, 'AuthorizerRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: 'Lambda authorizer: sessions only' });
    authorizerRole.addToPolicy(logsStatement);
    authorizerRole.addToPolicy(new PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], resources: [data.tables.get('directory')!.tableArn] }));
    data.dataKey.grantDecrypt(authorizerRole);
    data.dataKey.grant(authorizerRole, 'kms:Encrypt', 'kms:GenerateDataKey');
    data.jwtKey.grant(authorizerRole, 'kms:GetPublicKey');
    data.failures.grantSendMessages(authorizerRole);
    for (const role of [appRole, authorizerRole]) {
      NagSuppressions.addResourceSuppressions(
        role,
        [
          {
            id: 'AwsSolutions-IAM5',
            reason: 'Log streams are created at run time under /aws/lambda/*; table grants include their indexes (table/index/*); KMS grants use the key ARN with GenerateDataKey* variants.',
            appliesTo: [
              { regex: '/^Resource::arn:<AWS::Partition>:logs:.*$/g' },
              { regex: '/^Resource::<.*Table.*\\.Arn>/index/\\*$/g' },
              { regex: '/^Resource::.*index/\\*$/g' },
              { regex: '/^Action::kms:(GenerateDataKey|ReEncrypt)\\*$/g' },
            ],
          },
        ],
        true,
      );
    }

    const fn = (id: string, entry: string, role: Role, timeout?: Duration): NodejsFunction =>
      new AppFunction(this, id, {
        entry: join(ROOT, entry),
        environment,
        role,
        failureQueue: data.failures,
        tracing: !china,
        ...(timeout ? { timeout } : {}),
      }).fn;

    const authorizer = fn('Authorizer', 'functions/authorizer/authorizer.ts', authorizerRole, Duration.seconds(10));
    const routes = (props.routes ?? ROUTES).map((route) => ({ route, fn: fn(`Http-${route.name}`, `functions/http/${route.name}.ts`, appRole) }));
    this.api = new Api(this, 'Api', {
      routes,
      authorizer,
      rateLimit: county.thresholds.apiRateLimit,
      burstLimit: county.thresholds.apiBurstLimit,
      tracing: !china,
      authorizerCacheSeconds: 60,
    });

    const consumers = (props.queues ?? QUEUES).map((def) => {
      const consumer = fn(`Queue-${def.id}`, `functions/queues/${def.id}.ts`, appRole, Duration.seconds(def.visibilityTimeoutSeconds));
      consumer.addEventSource(new SqsEventSource(data.queues.get(def.id)!.queue, { batchSize: def.batchSize, reportBatchItemFailures: true }));
      NagSuppressions.addResourceSuppressions(
        consumer,
        [{ id: 'Serverless-LambdaEventSourceMappingDestination', reason: 'SQS sources redrive failed records to the queue DLQ (maxReceiveCount); on-failure destinations do not apply to SQS.' }],
        true,
      );
      return consumer;
    });

    // lives here, not in the Data stack: the rules' queue policy would otherwise point back at this stack
    const scheduleDlq = new Queue(this, 'ScheduleDlq', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    NagSuppressions.addResourceSuppressions(scheduleDlq, [
      { id: 'AwsSolutions-SQS3', reason: 'This is the dead-letter queue of the schedule rules.' },
      { id: 'Serverless-SQSRedrivePolicy', reason: 'This is the dead-letter queue of the schedule rules.' },
    ]);
    const scheduled = (props.schedules ?? SCHEDULES).map((def) => {
      const target = fn(`Schedule-${def.id}`, `functions/schedules/${def.id}.ts`, appRole, Duration.minutes(5));
      new Rule(this, `Rule-${def.id}`, {
        description: def.description,
        schedule: Schedule.expression(def.expression),
        targets: [new LambdaFunction(target, { deadLetterQueue: scheduleDlq, retryAttempts: 2 })],
      });
      return target;
    });

    const functions = [authorizer, ...routes.map((r) => r.fn), ...consumers, ...scheduled];
    const migrations = new DataMigrations(this, 'Migrations', {
      root: ROOT,
      environment,
      tables: data.tables,
      auditTable: data.tables.get('audit')!,
      dataKey: data.dataKey,
      failureQueue: data.failures,
      tracing: !china,
      migrationIds: MIGRATIONS.map((m) => m.id),
      after: functions,
    });

    new StaticSite(this, 'Web', {
      webDist: join(ROOT, 'web', 'dist'),
      // one origin: CloudFront serves the web at / and routes /api/* to the API (no CORS needed)
      runtimeConfig: { apiBaseUrl: '', countyCode: county.code, countyName: county.name },
      ...(county.cloudFront ? { cloudFront: { api: this.api.api, ...(county.domain ? { domain: county.domain } : {}) } } : {}),
    });

    // 告警: anything in a DLQ, and any function error, goes to the supervision topic's subscribers
    const action = new SnsAction(data.topic);
    for (const q of [...[...data.queues.values()].map((x) => x.dlq), data.failures, scheduleDlq]) {
      new Alarm(this, `Depth-${q.node.id}-${q.node.scope?.node.id ?? ''}`, {
        metric: q.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: `Messages waiting in ${q.node.path}`,
      }).addAlarmAction(action);
    }
    for (const f of [...functions, migrations.fn]) {
      new Alarm(this, `Errors-${f.node.scope!.node.id}`, {
        metric: f.metricErrors({ period: Duration.minutes(5) }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(action);
    }
  }
}
