import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { OutboxEntry, OutboxTopic } from '../../../shared/platform/outbox.ts';
import type { OutboxQueues } from '../../../shared/outbox/ports.ts';

/** What a topic's consumer got: the messages of one subject, as parsed bodies (waiting up to `want` of them). */
export type Received = (topic: OutboxTopic, subject: string, want: number) => Promise<Array<Record<string, unknown>>>;

const entries = (topic: OutboxTopic, subject: string, n: number): OutboxEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    topic,
    subject,
    id: `e${String(i).padStart(2, '0')}`,
    at: new Date(Date.UTC(2026, 10, 2, 1, 0, i)).toISOString(),
    payload: { n: i, text: '受理' },
    progress: { status: 'queued' },
  }));

/**
 * The OutboxQueues contract, run on the fake (test/unit/outbox/queues.test.ts) and on SQS (fauxqs,
 * test/integration/outbox/relay.test.ts): every entry reaches its own topic's queue once, past the
 * batch size of ten, as the entry without its progress attributes; nothing refused is reported.
 */
export const outboxQueuesContract = (make: () => { queues: OutboxQueues; received: Received }) => {
  it('sends every entry of a topic once, in batches past ten, as the entry without its progress', async () => {
    const { queues, received } = make();
    const subject = randomUUID();
    const sent = entries('archive', subject, 23);
    expect(await queues.send('archive', sent)).toEqual([]);
    const got = await received('archive', subject, 23);
    expect(got.map((m) => m.id).sort()).toEqual(sent.map((e) => e.id));
    expect(got.find((m) => m.id === 'e07')).toEqual({ topic: 'archive', subject, id: 'e07', at: sent[7]!.at, payload: { n: 7, text: '受理' } });
  });

  it('keeps topics apart: what goes to one queue never reaches another', async () => {
    const { queues, received } = make();
    const subject = randomUUID();
    await queues.send('exchange', entries('exchange', subject, 2));
    expect(await received('archive', subject, 1)).toEqual([]);
    expect((await received('exchange', subject, 2)).map((m) => m.id).sort()).toEqual(['e00', 'e01']);
  });

  it('sends nothing for no entries', async () => {
    const { queues, received } = make();
    const subject = randomUUID();
    expect(await queues.send('exchange', [])).toEqual([]);
    expect(await received('exchange', subject, 1)).toEqual([]);
  });
};
