import { afterAll, beforeAll, describe } from 'vitest';
import { DeleteMessageBatchCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { sqsHops } from '../../../shared/network/sqs-hops.ts';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { hopSenderContract } from '../../unit/network/hops-contract.ts';
import { sqsOf } from './support.ts';

/** The delegation queue's sending adapter against the same contract as the memory sender: SQS on fauxqs. */
describe('HopSender contract (SQS on fauxqs)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  hopSenderContract(() => ({
    hops: sqsHops(),
    received: async (n) => {
      const sqs = sqsOf();
      const url = stack.env.QUEUE_DELEGATION!;
      const got: Array<{ Body?: string; ReceiptHandle?: string }> = [];
      // bounded: a few long polls, never more than asked for
      for (let i = 0; i < 10 && got.length < n; i++) {
        const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: Math.min(10, n - got.length), WaitTimeSeconds: 1 }));
        got.push(...(r.Messages ?? []));
      }
      if (got.length)
        await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: got.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
      return got.map((m) => JSON.parse(m.Body ?? '{}') as unknown);
    },
  }));
});
