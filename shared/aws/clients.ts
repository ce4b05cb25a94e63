import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SNSClient } from '@aws-sdk/client-sns';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';

/**
 * SDK clients, created once per container (cold start) and reused. Locally the endpoints come
 * from the standard AWS_ENDPOINT_URL_<SERVICE> variables set by the local platform; in AWS they
 * are unset and the SDK uses the region's endpoints (including the .amazonaws.com.cn ones).
 */
let ddb: DynamoDBDocumentClient | undefined;
let sqs: SQSClient | undefined;
let sns: SNSClient | undefined;
let kms: KMSClient | undefined;
let s3: S3Client | undefined;

const endpoint = (service: string): { endpoint?: string } => {
  const e = process.env[`AWS_ENDPOINT_URL_${service}`];
  return e ? { endpoint: e } : {};
};

export const dynamo = (): DynamoDBDocumentClient =>
  (ddb ??= DynamoDBDocumentClient.from(new DynamoDBClient({ ...endpoint('DYNAMODB'), maxAttempts: 4 }), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  }));

export const sqsClient = (): SQSClient =>
  // fauxqs serves queue URLs of its own host; the explicit endpoint must win locally
  (sqs ??= new SQSClient({ ...endpoint('SQS'), useQueueUrlAsEndpoint: !process.env.AWS_ENDPOINT_URL_SQS }));

export const snsClient = (): SNSClient => (sns ??= new SNSClient({ ...endpoint('SNS') }));

export const kmsClient = (): KMSClient => (kms ??= new KMSClient({ ...endpoint('KMS') }));

// fauxqs serves S3 by path (bucket in the path, not the host name) locally
export const s3Client = (): S3Client => (s3 ??= new S3Client({ ...endpoint('S3'), forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3) }));

/** Tests re-point clients between emulators; production never calls this. */
export const resetClients = (): void => {
  ddb = undefined;
  sqs = undefined;
  sns = undefined;
  kms = undefined;
  s3 = undefined;
};
