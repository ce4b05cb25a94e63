import type { HopMessage, HopSender } from './messages.ts';

/** Records what was sent, so a test can deliver it (once, or three times) to the consumer. */
export interface MemoryHopSender extends HopSender {
  readonly sent: HopMessage[];
  /** The next `n` sends fail, as if SQS were unreachable. */
  failNext(n: number): void;
  /** Everything sent so far, and forgets it. */
  drain(): HopMessage[];
}

export const memoryHops = (): MemoryHopSender => {
  const sent: HopMessage[] = [];
  let failing = 0;
  return {
    sent,
    failNext: (n) => {
      failing = n;
    },
    drain: () => sent.splice(0, sent.length),
    send: async (m) => {
      if (failing > 0) {
        failing -= 1;
        throw new Error('queue unreachable');
      }
      sent.push(structuredClone(m));
    },
  };
};
