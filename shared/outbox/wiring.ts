import { containerSlot } from '../platform/runtime-config.ts';
import type { OutboxQueues, RelayPorts } from './ports.ts';
import { sqsOutboxQueues } from './sqs-outbox-queues.ts';

/** The relay's ports: each topic's queue. */
const queuesKept = containerSlot<OutboxQueues>();
export const relayPorts = (): RelayPorts => ({ queues: queuesKept.get(() => sqsOutboxQueues()) });
