import { afterAll, beforeAll, describe } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { dynamoAlertStore } from '../../../shared/supervision/dynamo-alerts.ts';
import { dynamoFigureStore } from '../../../shared/supervision/dynamo-figures.ts';
import { dynamoScanStore } from '../../../shared/supervision/dynamo-supervision.ts';
import { supervisionStoreContract } from '../../unit/supervision/store-contract.ts';
import { DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '../../../shared/aws/clients.ts';
import { queueUrl } from '../../../shared/platform/env.ts';
import type { OutboxRef } from '../../../shared/supervision/alert.ts';
import { sqsAlertQueue } from '../../../shared/supervision/sqs-alert-queue.ts';
import { alertQueueContract } from '../../unit/supervision/alert-queue-contract.ts';

/** Supervision's DynamoDB adapters (composed as wiring.ts composes them) against DynamoDB Local: the contract the fake keeps. */
describe('SupervisionStore contract (DynamoDB Local)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());
  supervisionStoreContract(() => ({ ...dynamoScanStore(), ...dynamoAlertStore(), ...dynamoFigureStore() }));

  // the stack's own alerts queue (test stacks run no poller): read to the end, deleting what was read
  const drain = async (): Promise<OutboxRef[]> => {
    const out: OutboxRef[] = [];
    for (let polls = 0; polls < 20; polls++) {
      const r = await sqsClient().send(new ReceiveMessageCommand({ QueueUrl: queueUrl('alerts'), MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
      if (!r.Messages?.length) break;
      for (const m of r.Messages) {
        out.push(JSON.parse(m.Body!) as OutboxRef);
        await sqsClient().send(new DeleteMessageCommand({ QueueUrl: queueUrl('alerts'), ReceiptHandle: m.ReceiptHandle! }));
      }
    }
    return out;
  };
  describe('AlertQueue contract (fauxqs SQS)', () =>
    alertQueueContract(async () => {
      await drain();
      return { queue: sqsAlertQueue(), received: drain };
    }));
});
