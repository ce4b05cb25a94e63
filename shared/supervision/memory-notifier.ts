import type { Notifier, TopicMessage } from './ports.ts';

/** For unit tests: the topic in memory, keeping what was published. */
export interface MemoryNotifier extends Notifier {
  readonly published: TopicMessage[];
}

export const memoryNotifier = (): MemoryNotifier => {
  const published: TopicMessage[] = [];
  return {
    published,
    publish: async (m) => void published.push(structuredClone(m)),
  };
};
