import type { OutboxEntry, OutboxTopic } from '../platform/outbox.ts';

/** Where the relay hands entries: each topic's queue (SQS in sqs-outbox-queues.ts, in memory in memory-outbox-queues.ts). */
export interface OutboxQueues {
  /** Sends entries of one topic; returns the ids of those the queue refused (the rest are on it). */
  send(topic: OutboxTopic, entries: readonly OutboxEntry[]): Promise<string[]>;
}

export interface RelayPorts {
  queues: OutboxQueues;
}
