import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { queueConsumer } from '../../../shared/queue/consumer.ts';
import { lambdaContext } from '../../../local/lambda-context.ts';

const record = (messageId: string, body: unknown): SQSRecord => ({ messageId, body: typeof body === 'string' ? body : JSON.stringify(body) }) as SQSRecord;

describe('queue consumer factory', () => {
  it('reports only the records that failed (malformed or thrown), handling the rest', async () => {
    const handled: number[] = [];
    const h = queueConsumer('delegation', z.object({ n: z.number() }), async (m) => {
      if (m.n === 3) throw new Error('boom');
      handled.push(m.n);
    });
    const event = {
      Records: [record('a', { n: 1 }), record('b', { n: 'x' }), record('c', { n: 3 }), record('d', 'not json'), record('e', { n: 5 })],
    } as SQSEvent;
    const r = await h(event, lambdaContext('delegation'));
    expect(r.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(['b', 'c', 'd']);
    expect(handled).toEqual([1, 5]);
  });
});
