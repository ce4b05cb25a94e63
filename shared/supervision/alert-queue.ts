import type { OutboxRef } from './alert.ts';

/**
 * The delivery queue (SQS with a DLQ; sqs-alert-queue.ts): stored alerts and digests go there
 * from the outbox, and its consumer delivers them to SNS and the webhooks with retries.
 */
export interface AlertQueue {
  send(refs: readonly OutboxRef[]): Promise<void>;
}

/** For unit tests: keeps what was sent; can be made to fail (a queue outage). */
export interface MemoryAlertQueue extends AlertQueue {
  readonly sent: OutboxRef[];
  failing: boolean;
}

export const memoryAlertQueue = (): MemoryAlertQueue => {
  const q: MemoryAlertQueue = {
    sent: [],
    failing: false,
    send: async (refs) => {
      if (q.failing) throw new Error('queue unavailable');
      q.sent.push(...refs.map((r) => structuredClone(r)));
    },
  };
  return q;
};
