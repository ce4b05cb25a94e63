import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { startStreams, type StreamRunner } from '../../../local/streams.ts';
import { dynamoCaseStore } from '../../../shared/cases/dynamo-cases.ts';
import { dynamo } from '../../../shared/aws/clients.ts';
import { outboxKeys } from '../../../shared/db/keys.ts';
import { sqsOf } from '../network/support.ts';
import { caseIn } from '../../unit/cases/fixtures.ts';
import { sqsOutboxQueues } from '../../../shared/outbox/sqs-outbox-queues.ts';
import { OUTBOX_TOPICS, type OutboxTopic } from '../../../shared/platform/outbox.ts';
import { queueUrl } from '../../../shared/platform/env.ts';
import { outboxQueuesContract } from '../../unit/outbox/queues-contract.ts';

/**
 * The transactional outbox end to end on the emulators: an entry committed with a case change
 * reaches its topic's queue through the cases table's stream (DynamoDB Local's streams, the
 * local runner, the real relay function) exactly once; a refused commit relays nothing; the
 * consumer's updates of the entry are not relayed again.
 */
describe('the outbox relay', () => {
  const ep = inject('emulators');
  let stack: TestStack;
  let sqs: SQSClient;
  let streams: StreamRunner;
  const logs: string[] = [];
  const bodies: Array<Record<string, unknown>> = [];

  const drain = async (want: number, ms = 40_000) => {
    const end = Date.now() + ms;
    while (bodies.length < want && Date.now() < end) {
      const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: stack.env.QUEUE_NOTICES!, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      for (const m of r.Messages ?? []) bodies.push(JSON.parse(m.Body!) as Record<string, unknown>);
    }
  };

  beforeAll(async () => {
    stack = await startTestStack();
    sqs = sqsOf();
    streams = startStreams({ endpoint: ep.dynamodb, region: ep.region, env: stack.env, log: (l) => logs.push(l), idleMs: 100 });
  });
  afterAll(async () => {
    await streams.stop();
    sqs.destroy();
    await stack.stop();
  });

  it('an entry written with its change lands on its topic queue once; a second one with the same id is refused with its change', async () => {
    const store = dynamoCaseStore();
    const id = randomUUID();
    const c = caseIn('accepted', { id, number: `411521-20261102-${id.slice(0, 8)}`, version: 1 });
    const entry = { topic: 'notices' as const, subject: id, id: 'accepted#sms#applicant', at: c.createdAt, payload: { event: 'accepted' } };
    await store.commit(
      [
        { op: 'create', case: c, applicantHash: 'h', idempotency: { key: randomUUID(), bodyHash: 'b', expiresAt: new Date('2030-01-01') } },
        { op: 'outbox', entry },
      ],
      [],
    );
    await drain(1);
    expect(bodies, logs.join('\n')).toEqual([entry]);

    // the same fact again: the whole change is refused, nothing relayed
    await expect(
      store.commit(
        [
          { op: 'update', case: { ...c, version: 2 }, expectedVersion: 1 },
          { op: 'outbox', entry },
        ],
        [],
      ),
    ).rejects.toMatchObject({
      code: 'OUTBOX_ENTRY_TAKEN',
    });
    // the consumer records its progress on the entry: a MODIFY, not relayed
    await dynamo().send(
      new UpdateCommand({
        TableName: stack.env.TABLE_CASES!,
        Key: outboxKeys.entry('notices', id, entry.id),
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'sent' },
      }),
    );
    // a second entry proves the stream moved past both
    const second = { ...entry, id: 'decided#sms#applicant' };
    await store.commit(
      [
        { op: 'update', case: { ...c, version: 2 }, expectedVersion: 1 },
        { op: 'outbox', entry: second },
      ],
      [],
    );
    await drain(3, 4_000);
    expect(bodies.map((b) => b.id)).toEqual(['accepted#sms#applicant', 'decided#sms#applicant']);
    expect(logs.filter((l) => /outbox-relay/.test(l))).toEqual([]);
  });
  describe('OutboxQueues contract (SQS on fauxqs)', () => {
    // every message read off a queue, by topic: a later call finds what an earlier one took off
    const seen = new Map<OutboxTopic, Array<Record<string, unknown>>>();
    const read = async (topic: OutboxTopic): Promise<number> => {
      const url = queueUrl(OUTBOX_TOPICS[topic]);
      const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      const got = r.Messages ?? [];
      seen.set(topic, [...(seen.get(topic) ?? []), ...got.map((m) => JSON.parse(m.Body!) as Record<string, unknown>)]);
      if (got.length)
        await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: got.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
      return got.length;
    };
    outboxQueuesContract(() => ({
      queues: sqsOutboxQueues(),
      // SQS has the messages once send returns: read until the queue answers empty (at most 30 reads)
      received: async (topic, subject, want) => {
        const mine = () => (seen.get(topic) ?? []).filter((m) => m.subject === subject);
        for (let i = 0; i < 30 && mine().length < want; i++) if (!(await read(topic))) break;
        return mine();
      },
    }));
  });
});
