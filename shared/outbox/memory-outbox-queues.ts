import type { OutboxEntry, OutboxTopic } from '../platform/outbox.ts';
import type { OutboxQueues } from './ports.ts';

/** The topics' queues in memory (unit tests): what was sent, and a switch to refuse (a queue outage). */
export interface MemoryOutboxQueues extends OutboxQueues {
  readonly sent: Array<{ topic: OutboxTopic; entry: OutboxEntry }>;
  refuse(on: boolean): void;
}

export const memoryOutboxQueues = (): MemoryOutboxQueues => {
  const sent: MemoryOutboxQueues['sent'] = [];
  let refusing = false;
  return {
    sent,
    refuse: (on) => {
      refusing = on;
    },
    send: async (topic, entries) => {
      if (refusing) return entries.map((e) => e.id);
      for (const entry of entries) sent.push({ topic, entry: structuredClone(entry) });
      return [];
    },
  };
};
