import { isOutboxTopic, OUTBOX_PK_PREFIX, type OutboxEntry } from '../platform/outbox.ts';
import type { RelayPorts } from './ports.ts';

/**
 * The outbox relay: new entries (from the cases table's stream) to their topics' queues. Returns
 * what could not be sent, so the stream retries exactly those (the queue's consumer is idempotent
 * on the entry id: a record relayed twice is worked once).
 */
export const relayEntries = async (ports: RelayPorts, entries: readonly OutboxEntry[]): Promise<{ sent: number; failed: string[] }> => {
  const byTopic = new Map<OutboxEntry['topic'], OutboxEntry[]>();
  for (const e of entries) byTopic.set(e.topic, [...(byTopic.get(e.topic) ?? []), e]);
  const failed: string[] = [];
  for (const [topic, list] of byTopic) {
    try {
      failed.push(...(await ports.queues.send(topic, list)));
    } catch {
      failed.push(...list.map((e) => e.id));
    }
  }
  return { sent: entries.length - failed.length, failed };
};

/**
 * A stream image (unmarshalled) as an outbox entry, or undefined when it is not one: another item
 * of the table, or a topic this release does not know (left alone rather than lost: logged by the caller).
 */
export const entryOfItem = (item: Record<string, unknown>): OutboxEntry | undefined => {
  if (typeof item.pk !== 'string' || !item.pk.startsWith(OUTBOX_PK_PREFIX)) return undefined;
  if (!isOutboxTopic(item.topic) || typeof item.subject !== 'string' || typeof item.id !== 'string') return undefined;
  return {
    topic: item.topic,
    subject: item.subject,
    id: item.id,
    at: typeof item.at === 'string' ? item.at : '',
    payload: (item.payload ?? {}) as Record<string, unknown>,
  };
};
