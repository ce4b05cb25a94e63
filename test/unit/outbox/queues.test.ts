import { describe, expect, it } from 'vitest';
import { memoryOutboxQueues } from '../../../shared/outbox/memory-outbox-queues.ts';
import { outboxMessage } from '../../../shared/platform/outbox.ts';
import { outboxQueuesContract } from './queues-contract.ts';

describe('OutboxQueues contract (memory)', () =>
  outboxQueuesContract(() => {
    const queues = memoryOutboxQueues();
    return {
      queues,
      received: async (topic, subject) =>
        queues.sent.filter((s) => s.topic === topic && s.entry.subject === subject).map((s) => JSON.parse(outboxMessage(s.entry)) as Record<string, unknown>),
    };
  }));

describe('the in-memory queues refuse as a queue outage does', () => {
  it('while refusing, every id comes back and nothing is sent', async () => {
    const q = memoryOutboxQueues();
    q.refuse(true);
    const e = { topic: 'notices' as const, subject: 's', id: 'a', at: '2026-11-02T01:00:00.000Z', payload: {} };
    expect(await q.send('notices', [e])).toEqual(['a']);
    expect(q.sent).toEqual([]);
  });
});
