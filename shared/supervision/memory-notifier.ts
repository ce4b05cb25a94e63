import type { Notice, Notifier } from './notifier.ts';

/** Notifier in memory for unit tests: keeps what was published; can be made to fail. */
export interface MemoryNotifier extends Notifier {
  readonly sent: Notice[];
  failNext(): void;
}

export const memoryNotifier = (): MemoryNotifier => {
  const sent: Notice[] = [];
  let fail = false;
  return {
    sent,
    failNext: () => {
      fail = true;
    },
    publish: async (n) => {
      if (fail) {
        fail = false;
        throw new Error('topic unavailable');
      }
      sent.push({ ...n });
    },
  };
};
