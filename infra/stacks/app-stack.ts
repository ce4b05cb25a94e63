import { join, relative } from 'node:path';
import { Annotations, Duration, NestedStack, Stack, type StackProps } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { Alarm, ComparisonOperator, MathExpression, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import { ROUTES, type RouteDef } from '../../shared/platform/routes.ts';
import { QUEUES, TOPICS, type QueueDef, type QueueId, type TopicId } from '../../shared/platform/queues.ts';
import { SCHEDULES, type ScheduleDef } from '../../shared/platform/schedules.ts';
import { TABLES, type TableId } from '../../shared/platform/tables.ts';
import { BUCKETS, type BucketId } from '../../shared/platform/buckets.ts';
import type { CountyConfig } from '../config/county-config.ts';
import { functionEnvironment, type FunctionResources } from '../config/function-env.ts';
import { AppFunction } from '../constructs/app-function.ts';
import { reservedConcurrency } from '../config/concurrency.ts';
import { applyGrants } from '../constructs/grants.ts';
import { writeFunctionEntry } from '../constructs/function-entries.ts';
import {
  AUTHORIZER_USES,
  CONSUMER_USES,
  HTTP_FUNCTIONS,
  OPS_USES,
  PDF_RENDERERS,
  SCHEDULE_USES,
  STREAM_USES,
  type Grant,
} from '../../shared/platform/functions.ts';
import { Api } from '../constructs/api.ts';
import { StaticSite } from '../constructs/static-site.ts';
import { DataMigrations } from '../constructs/data-migrations.ts';
import { MIGRATIONS } from '../../shared/migrations/registry.ts';
import { KEEP_WARM_SCHEDULE, WARM_UP_EVENT } from '../../shared/platform/keep-warm.ts';
import type { DataStack } from './data-stack.ts';
import { STREAMS } from '../../shared/platform/streams.ts';

const ROOT = join(import.meta.dirname, '..', '..');

export interface AppStackProps extends StackProps {
  county: CountyConfig;
  data: DataStack;
  /** Defaults to the shared definitions; tests may pass a subset. */
  routes?: readonly RouteDef[];
  queues?: readonly QueueDef[];
  schedules?: readonly ScheduleDef[];
}

/** The Data stack's resources as the functions' environment names them (CloudFormation tokens). */
export const stackResources = (data: DataStack): FunctionResources => ({
  tables: Object.fromEntries(TABLES.map((t) => [t.id, data.tables.get(t.id)!.tableName])) as Record<TableId, string>,
  queues: Object.fromEntries(QUEUES.map((q) => [q.id, data.queues.get(q.id)!.queue.queueUrl])) as Record<QueueId, string>,
  // one topic carries every alert kind
  topics: Object.fromEntries(TOPICS.map((t) => [t.id, data.topic.topicArn])) as Record<TopicId, string>,
  buckets: Object.fromEntries(BUCKETS.map((b) => [b.id, data.buckets.get(b.id)!.bucketName])) as Record<BucketId, string>,
  keys: { kms: { data: data.piiKey.keyId, jwt: data.jwtKey.keyId, lookup: data.lookupKey.keyId } },
  auditArchiveBucket: data.auditArchive.bucketName,
  noticeCredentialsSecret: data.noticeCredentials.secretArn,
  exchangeCredentialsSecret: data.exchangeCredentials.secretArn,
});

/** What a county runs: functions, the API and its authorizer, schedules, the web front, alarms. */
export class AppStack extends Stack {
  readonly api: Api;
  /** The API's nested stack: its resources and methods (two per route) apart from the functions'. */
  readonly apiStack: NestedStack;
  /** With CloudFront in front: the header value only CloudFront sends, so the API answers nobody else. */
  readonly originVerify?: Secret;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const { county, data } = props;
    const china = county.region.startsWith('cn-');
    if (county.cloudFront) {
      this.originVerify = new Secret(this, 'OriginVerify', {
        description: 'Header value CloudFront sends to the API (x-origin-verify)',
        generateSecretString: { excludePunctuation: true, passwordLength: 40 },
      });
      NagSuppressions.addResourceSuppressions(this.originVerify, [
        { id: 'AwsSolutions-SMG4', reason: 'Rotating it means redeploying CloudFront and the functions together; rotated by a deploy with a new secret.' },
      ]);
    }
    const environment = functionEnvironment(county, {
      ...stackResources(data),
      ...(this.originVerify ? { edge: { originVerify: this.originVerify.secretValue.unsafeUnwrap() } } : {}),
    });

    /** A role per function, holding exactly what the function declares it uses (shared/platform/functions.ts). */
    const roleFor = (id: string, uses: readonly Grant[], extra: Array<{ regex: string } | string> = []): Role => {
      const role = new Role(this, `Role-${id}`, {
        assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
        description: `${id}: ${uses.join(' ') || 'logs only'}`,
      });
      applyGrants(role, uses, data);
      NagSuppressions.addResourceSuppressions(
        role,
        [
          {
            id: 'AwsSolutions-IAM5',
            reason:
              'Log streams are created at run time under /aws/lambda/*; table grants include their indexes (table/index/*); narrow grants match partition-key prefixes (dynamodb:LeadingKeys RATE#*, SEARCHMISS#*, SESSION#*, USER#*, RATING#*, RSTATS#*); the feed functions read or write objects of the one feed bucket (bucket/*: one file per day and kind).',
            appliesTo: [
              { regex: '/^Resource::arn:<AWS::Partition>:logs:.*$/g' },
              { regex: '/^Resource::.*index/\\*$/g' },
              // objects of the feed bucket (shared/platform/buckets.ts)
              { regex: '/^Resource::<Bucketfeed[A-Z0-9]+\\.Arn>\\/\\*$/g' },
              // objects under cases/ of the materials bucket, packages/ of the archive bucket
              { regex: '/^Resource::<Bucket(materials|archive)[A-Z0-9]+\\.Arn>\\/(cases|packages)\\/\\*$/g' },
              // CDK's grant to send to the KMS-encrypted failure queue, on the storage key only
              { regex: '/^Action::kms:(GenerateDataKey|ReEncrypt)\\*$/g' },
              // outside China functions trace: xray:PutTraceSegments/PutTelemetryRecords take no resource
              ...(china ? [] : ['Resource::*']),
              // the archive writer puts objects under audit/ of its bucket
              { regex: '/^Resource::<AuditArchive.*\\.Arn>\\/audit\\/\\*$/g' },
              ...extra,
            ],
          },
        ],
        true,
      );
      return role;
    };
    const fn = (id: string, entry: string, role: Role, timeout?: Duration, pdf?: boolean, sync?: 'sync'): NodejsFunction =>
      new AppFunction(this, id, {
        entry: join(ROOT, entry),
        environment,
        role,
        // the construct id lower-cased is the function's key (Http-<id> → http-<id>, Authorizer → authorizer)
        reservedConcurrency: reservedConcurrency(county.concurrency, id.toLowerCase()),
        ...(sync ? {} : { failureQueue: data.failures }),
        tracing: !china,
        ...(timeout ? { timeout } : {}),
        ...(pdf ? { pdf } : {}),
      }).fn;
    const drawsPdf = (key: string) => PDF_RENDERERS.includes(key);

    const authorizer = fn('Authorizer', 'functions/authorizer/authorizer.ts', roleFor('authorizer', AUTHORIZER_USES), Duration.seconds(10));
    const routeList = props.routes ?? ROUTES;
    const httpFns = HTTP_FUNCTIONS.filter((f) => routeList.some((r) => r.fn === f.id)).map((def) => {
      const served = routeList.filter((r) => r.fn === def.id);
      // a queue it hosts (shared/platform/queues.ts `host`): its consumer in the entry, its grants on the role
      const hosted = (props.queues ?? QUEUES).find((q) => q.host === def.id);
      const entry = relative(ROOT, writeFunctionEntry(ROOT, def.id, served, hosted?.id));
      const uses = [...def.uses, ...(hosted ? (CONSUMER_USES[hosted.id] ?? []) : [])];
      // API Gateway invokes it synchronously (the keep-warm ping's failure matters to no one): no async failure destination
      const f = fn(`Http-${def.id}`, entry, roleFor(`http-${def.id}`, [...new Set(uses)]), undefined, drawsPdf(`http-${def.id}`), 'sync');
      if (hosted) {
        f.addEventSource(new SqsEventSource(data.queues.get(hosted.id)!.queue, { batchSize: hosted.batchSize, reportBatchItemFailures: true }));
        NagSuppressions.addResourceSuppressions(
          f,
          [{ id: 'Serverless-LambdaEventSourceMappingDestination', reason: 'SQS sources redrive failed records to the queue DLQ (maxReceiveCount).' }],
          true,
        );
      }
      NagSuppressions.addResourceSuppressions(f, [
        { id: 'Serverless-LambdaAsyncFailureDestination', reason: 'Invoked synchronously by API Gateway; errors are the HTTP response.' },
      ]);
      return { def, served, fn: f };
    });
    const routes = httpFns.flatMap(({ served, fn: f }) => served.map((route) => ({ route, fn: f })));
    // the API in a nested stack of its own: a resource and a method per route would take this stack
    // past CloudFormation's 500 resources (they are over half of them); it deploys with this stack
    this.apiStack = new NestedStack(this, 'ApiStack', { description: `Bianmin ${county.code} API (routes of shared/platform/routes.ts)` });
    this.api = new Api(this.apiStack, 'Api', {
      routes,
      authorizer,
      rateLimit: county.thresholds.apiRateLimit,
      burstLimit: county.thresholds.apiBurstLimit,
      publicRateLimit: county.thresholds.publicRateLimit,
      publicBurstLimit: county.thresholds.publicBurstLimit,
      tracing: !china,
      authorizerCacheSeconds: 60,
    });

    const consumers = (props.queues ?? QUEUES)
      .filter((def) => !def.host)
      .map((def) => {
        const consumer = fn(
          `Queue-${def.id}`,
          `functions/queues/${def.id}.ts`,
          roleFor(`queue-${def.id}`, CONSUMER_USES[def.id] ?? []),
          Duration.seconds(def.visibilityTimeoutSeconds),
          drawsPdf(`queue-${def.id}`),
        );
        consumer.addEventSource(new SqsEventSource(data.queues.get(def.id)!.queue, { batchSize: def.batchSize, reportBatchItemFailures: true }));
        NagSuppressions.addResourceSuppressions(
          consumer,
          [
            {
              id: 'Serverless-LambdaEventSourceMappingDestination',
              reason: 'SQS sources redrive failed records to the queue DLQ (maxReceiveCount); on-failure destinations do not apply to SQS.',
            },
          ],
          true,
        );
        return consumer;
      });

    // the audit table's stream → the locked archive copy; a failing record is retried alone, then parked
    const archiver = fn(
      'Stream-audit-archive',
      'functions/streams/audit-archive.ts',
      roleFor('stream-audit-archive', STREAM_USES['audit-archive'] ?? [], [
        // CDK's DynamoEventSource adds dynamodb:ListStreams, which takes no resource
        'Resource::*',
      ]),
      Duration.minutes(1),
    );
    archiver.addEventSource(
      new DynamoEventSource(data.tables.get('audit')!, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        bisectBatchOnError: true,
        retryAttempts: 10,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(data.failures),
      }),
    );

    // the transactional outbox: the cases table's stream, filtered to new OUTBOX# items, → each topic's queue
    const relayDef = STREAMS.find((d) => d.id === 'outbox-relay')!;
    const relay = fn(
      'Stream-outbox-relay',
      'functions/streams/outbox-relay.ts',
      roleFor('stream-outbox-relay', STREAM_USES['outbox-relay'] ?? [], [
        // CDK's DynamoEventSource adds dynamodb:ListStreams, which takes no resource
        'Resource::*',
      ]),
      Duration.minutes(1),
    );
    const relayTable = data.tables.get(relayDef.table)!;
    // a restored table (npm run restore) is imported without its stream ARN: the relay cannot be wired
    // at synth time; the outbox keeps its entries until a deploy that knows the stream wires it again
    if (!relayTable.tableStreamArn)
      Annotations.of(this).addWarningV2('bianmin:outbox-relay-restored', `表 ${relayDef.table} 是恢复出的表，发件箱转发未接上：恢复后需补接其流`);
    else
      relay.addEventSource(
        new DynamoEventSource(relayTable, {
          startingPosition: StartingPosition.TRIM_HORIZON,
          batchSize: relayDef.batchSize,
          bisectBatchOnError: true,
          retryAttempts: 100,
          reportBatchItemFailures: true,
          onFailure: new SqsDlq(data.failures),
          filters: [
            FilterCriteria.filter({
              eventName: FilterRule.isEqual(relayDef.filter!.events[0]!),
              dynamodb: { Keys: { pk: { S: FilterRule.beginsWith(relayDef.filter!.pkPrefix) } } },
            }),
          ],
        }),
      );

    // lives here, not in the Data stack: the rules' queue policy would otherwise point back at this stack
    const scheduleDlq = new Queue(this, 'ScheduleDlq', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    NagSuppressions.addResourceSuppressions(scheduleDlq, [
      { id: 'AwsSolutions-SQS3', reason: 'This is the dead-letter queue of the schedule rules.' },
      { id: 'Serverless-SQSRedrivePolicy', reason: 'This is the dead-letter queue of the schedule rules.' },
    ]);
    const scheduled = (props.schedules ?? SCHEDULES).map((def) => {
      const target = fn(
        `Schedule-${def.id}`,
        `functions/schedules/${def.id}.ts`,
        roleFor(`schedule-${def.id}`, SCHEDULE_USES[def.id] ?? []),
        Duration.minutes(5),
      );
      new Rule(this, `Rule-${def.id}`, {
        description: def.description,
        schedule: Schedule.expression(def.expression),
        targets: [new LambdaFunction(target, { deadLetterQueue: scheduleDlq, retryAttempts: 2 })],
      });
      return target;
    });

    // keep-warm (shared/platform/keep-warm.ts): a rule takes at most 5 targets
    const warmed = [authorizer, ...httpFns.map((h) => h.fn)];
    for (let i = 0; i < warmed.length; i += 5)
      new Rule(this, `KeepWarm-${i / 5}`, {
        description: 'Keeps the API functions warm in opening hours (cold starts on a county working day, npm run bench)',
        schedule: Schedule.expression(KEEP_WARM_SCHEDULE),
        targets: warmed
          .slice(i, i + 5)
          .map((f) => new LambdaFunction(f, { event: RuleTargetInput.fromObject(WARM_UP_EVENT), deadLetterQueue: scheduleDlq, retryAttempts: 0 })),
      });

    // operators' functions, invoked by hand (AWS China has no console DLQ redrive)
    const ops = Object.entries(OPS_USES).map(([id, uses]) => fn(`Ops-${id}`, `functions/ops/${id}.ts`, roleFor(`ops-${id}`, uses), Duration.minutes(5)));

    const functions = [authorizer, ...httpFns.map((h) => h.fn), ...consumers, ...scheduled, archiver, relay, ...ops];
    new DataMigrations(this, 'Migrations', {
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
      runtimeConfig: {
        apiBaseUrl: '',
        countyCode: county.code,
        countyName: county.name,
        routing: county.cloudFront && china ? 'hash' : 'path',
        ...(county.legal ? { legal: county.legal } : {}),
        ...(county.center ? { center: county.center } : {}),
      },
      ...(this.originVerify
        ? {
            cloudFront: {
              api: this.api.api,
              originVerify: this.originVerify.secretValue.unsafeUnwrap(),
              china,
              ...(county.domain ? { domain: county.domain } : {}),
            },
          }
        : {}),
    });

    // 告警, few alarm metrics (each is billed a month: the idle cost in `npm run bench`): every failure ends in one of two places.
    // - a dead-letter queue: queue consumers redrive there; asynchronous invocations that still fail
    //   (schedules, the audit stream, keep-warm pings) go to the failure queue; undeliverable
    //   schedule events to the schedule DLQ — one metric-math alarm on the sum of their depths;
    // - an API answer 5xx: a crashed or timed-out HTTP function or authorizer — one alarm on the API.
    // (The data migrations fail the deploy itself.)
    const action = new SnsAction(data.topic);
    const dlqs = [...[...data.queues.values()].map((x) => x.dlq), data.failures, scheduleDlq];
    new Alarm(this, 'DeadLetters', {
      metric: new MathExpression({
        expression: dlqs.map((_q, i) => `q${i}`).join(' + '),
        usingMetrics: Object.fromEntries(
          dlqs.map((q, i) => [`q${i}`, q.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' })]),
        ),
        label: 'Messages waiting in dead-letter queues',
        period: Duration.minutes(5),
      }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: `Messages waiting in ${dlqs.map((q) => q.node.path).join(', ')}`,
    }).addAlarmAction(action);
    new Alarm(this, 'ApiErrors', {
      metric: this.api.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: 'API answers 5xx: a function or the authorizer failed or timed out',
    }).addAlarmAction(action);
  }
}
