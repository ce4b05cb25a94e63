import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import type { QueueDef } from '../../shared/platform/queues.ts';

/** A queue from its shared definition: SSL only, KMS, redrive to a DLQ kept 14 days. */
export class QueueWithDlq extends Construct {
  readonly queue: Queue;
  readonly dlq: Queue;

  constructor(scope: Construct, id: string, props: { def: QueueDef; key: IKey; queueName: string }) {
    super(scope, id);
    this.dlq = new Queue(this, 'Dlq', {
      queueName: `${props.queueName}-dlq`,
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(this.dlq, [
      { id: 'AwsSolutions-SQS3', reason: 'This is the dead-letter queue itself.' },
      { id: 'Serverless-SQSRedrivePolicy', reason: 'This is the dead-letter queue itself.' },
    ]);
    this.queue = new Queue(this, 'Queue', {
      queueName: props.queueName,
      visibilityTimeout: Duration.seconds(props.def.visibilityTimeoutSeconds),
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      deadLetterQueue: { queue: this.dlq, maxReceiveCount: props.def.maxReceiveCount },
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
