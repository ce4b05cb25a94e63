import { describe, expect, it } from 'vitest';
import { redrive, type DeadLetter, type QueueMover } from '../../../shared/network/redrive.ts';

/** A DLQ and its queue in memory, recording the order of sends and deletes. */
const fakeMover = (count: number) => {
  const dlq: DeadLetter[] = Array.from({ length: count }, (_v, i) => ({ body: `m${i}`, receipt: `r${i}`, attributes: { type: 'forward' } }));
  const queue: Array<Pick<DeadLetter, 'body' | 'attributes'>> = [];
  const log: string[] = [];
  const mover: QueueMover = {
    deadLetterQueueOf: async (url) => `${url}-dlq`,
    receive: async (_url, max) => dlq.filter((m) => !log.includes(`delete ${m.receipt}`)).slice(0, max),
    send: async (_url, m) => {
      queue.push(m);
      log.push(`send ${m.body}`);
    },
    delete: async (_url, receipt) => {
      log.push(`delete ${receipt}`);
    },
    depth: async () => dlq.filter((m) => !log.includes(`delete ${m.receipt}`)).length,
  };
  return { mover, queue, log };
};

describe('redrive (AWS China has no console DLQ redrive)', () => {
  it('sends each message back (body and attributes) before deleting it from the DLQ', async () => {
    const f = fakeMover(12);
    expect(await redrive(f.mover, { queueUrl: 'q' })).toEqual({ moved: 12, remaining: 0, dryRun: false });
    expect(f.queue.map((m) => m.body)).toEqual(Array.from({ length: 12 }, (_v, i) => `m${i}`));
    expect(f.queue[0]!.attributes).toEqual({ type: 'forward' });
    expect(f.log.slice(0, 2)).toEqual(['send m0', 'delete r0']);
  });

  it('moves at most `max`; a dry run only counts', async () => {
    const f = fakeMover(5);
    expect(await redrive(f.mover, { queueUrl: 'q', dryRun: true })).toEqual({ moved: 0, remaining: 5, dryRun: true });
    expect(f.queue).toEqual([]);
    expect(await redrive(f.mover, { queueUrl: 'q', max: 3 })).toEqual({ moved: 3, remaining: 2, dryRun: false });
  });
});
