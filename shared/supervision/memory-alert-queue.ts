import type { OutboxRef } from './alert.ts';
import type { AlertQueue } from './ports.ts';

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
