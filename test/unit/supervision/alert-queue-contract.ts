import { expect, it } from 'vitest';
import { outboxRefId, type OutboxRef } from '../../../shared/supervision/alert.ts';
import type { AlertQueue } from '../../../shared/supervision/ports.ts';

/** What a contract run needs: the queue, and what reached it since it was made. */
export interface QueueUnderTest {
  queue: AlertQueue;
  received(): Promise<OutboxRef[]>;
}

/** The AlertQueue contract: run on the memory fake (unit) and on the local SQS (fauxqs, integration). */
export const alertQueueContract = (make: () => Promise<QueueUnderTest>): void => {
  it('delivers every reference of a send, past the ten SQS takes in one batch, each once', async () => {
    const q = await make();
    const refs: OutboxRef[] = [
      ...Array.from({ length: 22 }, (_v, i): OutboxRef => ({ type: 'alert', id: `contract-${i}` })),
      { type: 'digest', audience: 'county', day: '2091-01-01' },
    ];
    await q.queue.send(refs);
    expect((await q.received()).map(outboxRefId).sort()).toEqual(refs.map(outboxRefId).sort());
  });

  it('sends nothing for no references', async () => {
    const q = await make();
    await q.queue.send([]);
    expect(await q.received()).toEqual([]);
  });
};
