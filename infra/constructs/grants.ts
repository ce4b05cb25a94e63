import { Aws } from 'aws-cdk-lib';
import { Effect, PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Grant } from '../../shared/platform/functions.ts';
import type { TableId } from '../../shared/platform/tables.ts';
import type { DataStack } from '../stacks/data-stack.ts';
import { OUTBOX_TOPICS } from '../../shared/platform/outbox.ts';

/**
 * Turns a function's declared grants (shared/platform/functions.ts) into its role's policy: the
 * tables and keys named, the actions the grant means, and for the narrow grants a condition on
 * the items' partition keys. Nothing else: a grant not declared is a permission not held.
 */
const READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
const WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
/** Encrypting and decrypting the tables' (and queues', topic's) storage key, as DynamoDB/SQS/SNS do on the caller's behalf. */
const STORAGE_KEY_READ = ['kms:Decrypt', 'kms:DescribeKey'];
const STORAGE_KEY_WRITE = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'];

const arns = (t: ITable) => [t.tableArn, `${t.tableArn}/index/*`];
const leading = (prefixes: readonly string[]) => ({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...prefixes] } });

/** What the public hall function may write (tests check the template against it). */
export const HALL_PUBLIC_WRITES = ['SLOT#*', 'APPT#*', 'APPTPD#*', 'TSEQ#*', 'TICKET#*', 'RATE#*'];

export const statementsFor = (uses: readonly Grant[], data: DataStack): PolicyStatement[] => {
  const table = (id: TableId) => data.tables.get(id)!;
  const out: PolicyStatement[] = [];
  const add = (actions: string[], resources: string[], conditions?: Record<string, unknown>) =>
    out.push(new PolicyStatement({ actions, resources, ...(conditions ? { conditions } : {}) }));
  const storage = (write: boolean) => add(write ? STORAGE_KEY_WRITE : STORAGE_KEY_READ, [data.dataKey.keyArn]);

  for (const g of new Set(uses)) {
    switch (g) {
      case 'catalog:read':
      case 'cases:read':
      case 'ratings:read':
      case 'hall:read':
      case 'directory:read':
        add(READ, arns(table(g.split(':')[0] as TableId)));
        storage(false);
        break;
      case 'catalog:write':
      case 'cases:write':
      case 'ratings:write':
      case 'directory:write':
        add([...READ, ...WRITE], arns(table(g.split(':')[0] as TableId)));
        storage(true);
        break;
      case 'cases:public-counter':
        add(['dynamodb:UpdateItem'], [table('cases').tableArn], leading(['RATE#*']));
        storage(true);
        break;
      case 'catalog:search-misses':
        add(['dynamodb:UpdateItem'], [table('catalog').tableArn], leading(['SEARCHMISS#*']));
        storage(true);
        break;
      case 'ratings:public-rate':
        // one rating per case and its task (conditional puts), the month's counters (ADD): nothing else of the table
        add(
          ['dynamodb:GetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
          [table('ratings').tableArn],
          leading(['RATING#*', 'RSTATS#*']),
        );
        storage(true);
        break;
      case 'ratings:disclosure-read':
        add(['dynamodb:GetItem'], [table('ratings').tableArn], leading(['DISCLOSURE']));
        storage(false);
        break;
      case 'feed:write':
        add(['s3:PutObject'], [`${data.buckets.get('feed')!.bucketArn}/*`]);
        add(['s3:ListBucket'], [data.buckets.get('feed')!.bucketArn]);
        storage(true);
        break;
      case 'feed:read':
        add(['s3:GetObject'], [`${data.buckets.get('feed')!.bucketArn}/*`]);
        add(['s3:ListBucket'], [data.buckets.get('feed')!.bucketArn]);
        storage(false);
        break;
      case 'directory:calendar-read':
        add(['dynamodb:GetItem', 'dynamodb:Query'], [table('directory').tableArn], leading(['CALENDAR']));
        storage(false);
        break;
      case 'directory:calendar-write':
        add(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], [table('directory').tableArn], leading(['CALENDAR']));
        storage(true);
        break;
      case 'directory:sessions':
        add(['dynamodb:GetItem'], [table('directory').tableArn], leading(['SESSION#*', 'USER#*']));
        add(['dynamodb:UpdateItem'], [table('directory').tableArn], leading(['SESSION#*']));
        storage(true);
        break;
      case 'audit:append':
        // PutItem only: a writer cannot read keys to overwrite, and IAM denies update/delete (below)
        add(['dynamodb:PutItem'], [table('audit').tableArn]);
        storage(true);
        break;
      case 'audit:read':
        add(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:DescribeTable'], arns(table('audit')));
        storage(false);
        break;
      case 'pii:seal':
        add(['kms:GenerateDataKey'], [data.piiKey.keyArn]);
        break;
      case 'pii:unseal':
        add(['kms:Decrypt'], [data.piiKey.keyArn]);
        break;
      case 'lookup:mac':
        add(['kms:GenerateMac'], [data.lookupKey.keyArn]);
        break;
      case 'token:sign':
        add(['kms:Sign', 'kms:GetPublicKey'], [data.jwtKey.keyArn]);
        break;
      case 'token:verify':
        add(['kms:GetPublicKey'], [data.jwtKey.keyArn]);
        break;
      case 'queue:delegation:send':
        add(['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], [data.queues.get('delegation')!.queue.queueArn]);
        storage(true);
        break;
      case 'queue:delegation:redrive': {
        const q = data.queues.get('delegation')!;
        add(['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], [q.dlq.queueArn]);
        add(['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], [q.queue.queueArn]);
        storage(true);
        break;
      }
      case 'alerts:raise':
        // conditional puts only, and only the alert and its outbox entry: no case, no counter
        add(['dynamodb:PutItem'], [table('cases').tableArn], leading(['ALERT#*', 'OUTBOX']));
        storage(true);
        break;
      case 'queue:alerts:send':
        add(['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], [data.queues.get('alerts')!.queue.queueArn]);
        storage(true);
        break;
      case 'topic:publish':
        add(['sns:Publish'], [data.topic.topicArn]);
        storage(true);
        break;
      case 'audit:archive':
        add(['s3:PutObject'], [data.auditArchive.arnForObjects('audit/*')]);
        storage(true);
        break;
      case 'hall:write':
        add([...READ, ...WRITE], arns(table('hall')));
        storage(true);
        break;
      case 'hall:public': {
        // reads of the slot counters, appointments, tickets and the screen's index; conditional
        // writes and ADDs of exactly those items and the public rate counters: nothing else, no delete
        const reads = ['SLOT#*', 'APPT#*', 'APPTPH#*', 'TICKET#*', 'WAIT#*', 'CALLED#*'];
        add(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'], arns(table('hall')), leading(reads));
        add(['dynamodb:PutItem', 'dynamodb:UpdateItem'], [table('hall').tableArn], leading(HALL_PUBLIC_WRITES));
        storage(true);
        break;
      }
      // the transactional outbox and notices
      case 'queue:outbox:send':
        add(
          ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
          [...new Set(Object.values(OUTBOX_TOPICS))].map((q) => data.queues.get(q)!.queue.queueArn),
        );
        storage(true);
        break;
      case 'notices:deliver':
        // its own outbox entries (status, receipts) and the per-phone daily caps: no case, no other topic
        add(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'], [table('cases').tableArn], leading(['OUTBOX#notices#*', 'NOTICECAP#*']));
        storage(true);
        break;
      case 'notices:credentials':
        add(['secretsmanager:GetSecretValue'], [data.noticeCredentials.secretArn]);
        // the secret is stored under the data key: Secrets Manager decrypts it on the caller's behalf
        storage(false);
        break;
      case 'queue:notices:redrive':
      case 'queue:archive:redrive': {
        const q = data.queues.get(g === 'queue:notices:redrive' ? 'notices' : 'archive')!;
        add(['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], [q.dlq.queueArn]);
        add(['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], [q.queue.queueArn]);
        storage(true);
        break;
      }
      // the provincial exchange
      case 'exchange:push':
        // its own outbox entries (progress, corrections) and a day's of them on gsi2: no case, no other topic
        add(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'], arns(table('cases')), leading(['OUTBOX#exchange#*', 'XCHG#*']));
        storage(true);
        break;
      case 'exchange:record':
        // the 评价 stage record, put with the rating (a transaction across the two tables): new items of its topic only
        add(['dynamodb:PutItem'], [table('cases').tableArn], leading(['OUTBOX#exchange#*']));
        storage(true);
        break;
      case 'exchange:credentials':
        add(['secretsmanager:GetSecretValue'], [data.exchangeCredentials.secretArn]);
        storage(false);
        break;
      case 'queue:exchange:redrive': {
        const q = data.queues.get('exchange')!;
        add(['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], [q.dlq.queueArn]);
        add(['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], [q.queue.queueArn]);
        storage(true);
        break;
      }
      case 'materials:upload': {
        const b = data.buckets.get('materials')!;
        add(['s3:PutObject', 's3:GetObject', 's3:DeleteObject'], [b.arnForObjects('cases/*')]);
        storage(true);
        break;
      }
      case 'materials:read':
        add(['s3:GetObject'], [data.buckets.get('materials')!.arnForObjects('cases/*')]);
        storage(false);
        break;
      case 'archive:write': {
        const b = data.buckets.get('archive')!;
        add(['s3:PutObject', 's3:PutObjectRetention', 's3:GetObject', 's3:GetObjectRetention'], [b.arnForObjects('packages/*')]);
        add(['s3:ListBucket'], [b.bucketArn]);
        storage(true);
        break;
      }
      case 'archive:read':
        add(['s3:GetObject', 's3:GetObjectRetention'], [data.buckets.get('archive')!.arnForObjects('packages/*')]);
        storage(false);
        break;
      case 'archive:destroy': {
        const b = data.buckets.get('archive')!;
        add(['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:GetObjectRetention'], [b.arnForObjects('packages/*')]);
        add(['s3:ListBucketVersions'], [b.bucketArn]);
        break;
      }
      case 'health:describe':
        add(
          ['dynamodb:DescribeTable'],
          [...data.tables.values()].map((t) => t.tableArn),
        );
        add(['sns:GetTopicAttributes'], [data.topic.topicArn]);
        break;
    }
  }
  return out;
};

/** Every function may write its own logs and must never change an audit event. */
export const baseStatements = (data: DataStack): PolicyStatement[] => [
  new PolicyStatement({
    actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    resources: [`arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:/aws/lambda/*`],
  }),
  new PolicyStatement({
    effect: Effect.DENY,
    actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:PartiQLUpdate', 'dynamodb:PartiQLDelete'],
    resources: [data.tables.get('audit')!.tableArn],
  }),
];

export const applyGrants = (role: Role, uses: readonly Grant[], data: DataStack): void => {
  for (const s of [...baseStatements(data), ...statementsFor(uses, data)]) role.addToPolicy(s);
  data.failures.grantSendMessages(role);
};
