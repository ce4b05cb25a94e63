import { SQSClient } from '@aws-sdk/client-sqs';
import { endpoint } from './endpoint.ts';

let sqs: SQSClient | undefined;

export const sqsClient = (): SQSClient =>
  // fauxqs serves queue URLs of its own host; the explicit endpoint must win locally
  (sqs ??= new SQSClient({ ...endpoint('SQS'), useQueueUrlAsEndpoint: !process.env.AWS_ENDPOINT_URL_SQS }));

export const resetSqs = (): void => {
  sqs = undefined;
};
