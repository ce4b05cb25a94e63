import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Table, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectLockRetention, ObjectOwnership, StorageClass } from 'aws-cdk-lib/aws-s3';
import { NagSuppressions } from 'cdk-nag';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { TABLES, type TableId } from '../../shared/platform/tables.ts';
import { QUEUES, TOPICS, type QueueId } from '../../shared/platform/queues.ts';
import { BUCKETS, type BucketId } from '../../shared/platform/buckets.ts';
import type { CountyConfig } from '../config/county-config.ts';
import { stackTableName } from '../config/operations.ts';
import { SafeTable } from '../constructs/safe-table.ts';
import { QueueWithDlq } from '../constructs/queue-with-dlq.ts';

/** What a county keeps: keys, tables, queues, the supervision topic. Everything is RETAIN. */
export class DataStack extends Stack {
  /** Storage encryption of tables, queues and the topic. */
  readonly dataKey: Key;
  /** Envelope encryption of applicants' ID numbers and phones: only the audited ID view decrypts with it. */
  readonly piiKey: Key;
  readonly jwtKey: Key;
  readonly lookupKey: Key;
  /** The tables the functions use: the stack's own, or one restored from point-in-time recovery. */
  readonly tables = new Map<TableId, ITable>();
  /** The stack's own tables, kept (RETAIN, deletion protection) even when a restored one is in use. */
  readonly stackTables = new Map<TableId, Table>();
  readonly queues = new Map<QueueId, QueueWithDlq>();
  /** Private buckets (shared/platform/buckets.ts): the provincial feed files. */
  readonly buckets = new Map<BucketId, Bucket>();
  readonly topic: Topic;
  /** The locked copy of the audit trail: S3 Object Lock, compliance mode, for the retention period. */
  readonly auditArchive: Bucket;
  /** Failed asynchronous invocations of any function land here. */
  readonly failures: Queue;
  /** The SMS provider's (or 政务短信平台's) credentials: filled in by IT, read only by the notices consumer. */
  readonly noticeCredentials: Secret;
  /** The province's exchange credentials (a token, or the app key and secret that sign requests): filled in by IT, read only by the exchange function. */
  readonly exchangeCredentials: Secret;

  constructor(scope: Construct, id: string, props: StackProps & { county: CountyConfig }) {
    super(scope, id, props);
    const { county } = props;
    this.dataKey = new Key(this, 'DataKey', {
      description: `便民 ${county.name}: tables, queues, topic`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.piiKey = new Key(this, 'PiiKey', {
      description: `便民 ${county.name}: envelope encryption of applicants' ID numbers and phones (个人信息)`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // a new generation is a new key (KMS cannot rotate asymmetric keys); the old one is RETAINed
    const generation = county.signingKeyGeneration;
    this.jwtKey = new Key(this, generation === 1 ? 'JwtKey' : `JwtKey${generation}`, {
      description: `便民 ${county.name}: ES256 signing key of staff session tokens${generation === 1 ? '' : ` (generation ${generation})`}`,
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.lookupKey = new Key(this, 'LookupKey', {
      description: `便民 ${county.name}: HMAC of applicants' ID numbers for lookups (never the raw number in an index)`,
      keySpec: KeySpec.HMAC_256,
      keyUsage: KeyUsage.GENERATE_VERIFY_MAC,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(this.lookupKey, [
      { id: 'AwsSolutions-KMS5', reason: 'KMS cannot rotate HMAC keys, and rotating would break lookups of existing cases.' },
    ]);
    NagSuppressions.addResourceSuppressions(this.jwtKey, [
      { id: 'AwsSolutions-KMS5', reason: 'KMS cannot rotate asymmetric keys; rotate by deploying a new key (tokens last at most 12 h).' },
    ]);

    for (const def of TABLES) {
      const own = new SafeTable(this, `Table-${def.id}`, { def, key: this.dataKey, tableName: stackTableName(county.code, def.id) }).table;
      this.stackTables.set(def.id, own);
      const restored = county.restoredTables?.[def.id];
      // `npm run restore` made the restored table and set its protections (PITR, deletion
      // protection, TTL, stream): the stack refers to it by name and keeps its own as evidence
      this.tables.set(
        def.id,
        restored
          ? Table.fromTableAttributes(this, `Restored-${def.id}`, {
              tableName: restored,
              encryptionKey: this.dataKey,
              globalIndexes: def.indexes.map((i) => i.name),
            })
          : own,
      );
    }
    for (const def of QUEUES) {
      this.queues.set(def.id, new QueueWithDlq(this, `Queue-${def.id}`, { def, key: this.dataKey, queueName: `bianmin-${county.code}-${def.id}` }));
    }
    this.failures = new Queue(this, 'FunctionFailures', {
      queueName: `bianmin-${county.code}-function-failures`,
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: this.dataKey,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(this.failures, [
      { id: 'AwsSolutions-SQS3', reason: 'This queue is itself the failure destination of the functions.' },
      { id: 'Serverless-SQSRedrivePolicy', reason: 'This queue is itself the failure destination of the functions.' },
    ]);

    this.auditArchive = new Bucket(this, 'AuditArchive', {
      // compliance mode: no one (root included) shortens the lock or deletes a locked version early
      objectLockEnabled: true,
      objectLockDefaultRetention: ObjectLockRetention.compliance(Duration.days(county.auditRetentionDays)),
      versioned: true,
      encryption: BucketEncryption.KMS,
      encryptionKey: this.dataKey,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(county.auditRetentionDays + 1), expiration: Duration.days(county.auditRetentionDays + 1) }],
    });
    NagSuppressions.addResourceSuppressions(this.auditArchive, [
      {
        id: 'AwsSolutions-S1',
        reason:
          'Write-once archive under Object Lock, written only by the audit-archive function and read by the verify command; S3 data events go to CloudTrail where the county enables it.',
      },
    ]);
    new CfnOutput(this, 'AuditArchiveBucket', { value: this.auditArchive.bucketName, description: 'npm run audit:verify -- --bucket <this>' });
    // kept files: private, encrypted with the data key, SSL only, versioned, access-logged; older files
    // move to infrequent access, replaced versions go after 90 days, current ones are kept
    const accessLogs = new Bucket(this, 'BucketAccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(county.auditRetentionDays) }],
    });
    NagSuppressions.addResourceSuppressions(accessLogs, [{ id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself.' }]);
    for (const def of BUCKETS) {
      const bucket = new Bucket(this, `Bucket-${def.id}`, {
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        encryption: BucketEncryption.KMS,
        encryptionKey: this.dataKey,
        bucketKeyEnabled: true,
        enforceSSL: true,
        versioned: true,
        serverAccessLogsBucket: accessLogs,
        serverAccessLogsPrefix: `${def.id}/`,
        removalPolicy: RemovalPolicy.RETAIN,
        // the archive: compliance mode, no default period — each package carries its own retain-until
        // date (its retention from the catalog), which nobody, root included, can shorten
        ...(def.objectLock ? { objectLockEnabled: true } : {}),
        // browsers PUT materials with presigned URLs from the county's own origin (CloudFront's, else any:
        // the signature, not the origin, is what admits an upload)
        ...(def.browserUpload
          ? {
              cors: [
                {
                  allowedMethods: [HttpMethods.PUT],
                  allowedOrigins: county.domain ? [`https://${county.domain.name}`] : ['*'],
                  allowedHeaders: ['content-type'],
                  maxAge: 3000,
                },
              ],
            }
          : {}),
        lifecycleRules: def.objectLock
          ? [{ id: 'abort-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) }]
          : [
              {
                id: 'age-out',
                transitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(90) }],
                noncurrentVersionExpiration: Duration.days(90),
                abortIncompleteMultipartUploadAfter: Duration.days(7),
              },
            ],
      });
      this.buckets.set(def.id, bucket);
    }
    // notices: the channel's credentials, entered once by IT (aws secretsmanager put-secret-value), never in the config
    this.noticeCredentials = new Secret(this, 'NoticeCredentials', {
      secretName: `bianmin-${county.code}-notice-credentials`,
      description: `便民 ${county.name}: SMS provider AccessKey (or webhook token) of the notices channel, JSON {"accessKeyId","accessKeySecret"} / {"secretId","secretKey"} / {"token"}`,
      encryptionKey: this.dataKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(this.noticeCredentials, [
      { id: 'AwsSolutions-SMG4', reason: "A provider's AccessKey is rotated in the provider's console, then entered here; Secrets Manager cannot rotate it." },
    ]);

    // the provincial exchange: the province's credentials, entered once by IT, never in the config
    this.exchangeCredentials = new Secret(this, 'ExchangeCredentials', {
      secretName: `bianmin-${county.code}-exchange-credentials`,
      description: `便民 ${county.name}: the province's exchange credentials, JSON {"token"} / {"appKey","appSecret"}`,
      encryptionKey: this.dataKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(this.exchangeCredentials, [
      { id: 'AwsSolutions-SMG4', reason: 'The province issues and rotates its credentials; they are entered here, Secrets Manager cannot rotate them.' },
    ]);

    const [topicDef] = TOPICS;
    this.topic = new Topic(this, 'Supervision', {
      topicName: `bianmin-${county.code}-${topicDef!.id}`,
      displayName: `${county.name} 电子监察`,
      masterKey: this.dataKey,
      enforceSSL: true,
    });
    for (const email of county.alerts.emails) this.topic.addSubscription(new EmailSubscription(email, { deadLetterQueue: this.failures }));
  }
}
