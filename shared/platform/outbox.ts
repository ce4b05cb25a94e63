import type { QueueId } from './queues.ts';

/**
 * The transactional outbox, as data. A context that must act on a case change outside the case's
 * transaction (text the applicant, report a stage to the province, build the archive package)
 * adds one `CaseWrite` `{ op: 'outbox', entry }` to that transaction: the entry is written exactly
 * when the change is, or not at all. The cases table's stream hands each NEW entry (INSERT only)
 * to the relay (functions/streams/outbox-relay.ts), which sends it to its topic's queue; the
 * topic's consumer (functions/queues/<queue>.ts) does the work, idempotently on the entry's id,
 * and may record its progress on the entry itself (an update is not relayed again).
 *
 * Key: `pk=OUTBOX#<topic>#<subject>, sk=<id>` (shared/db/keys.ts `outboxKeys`): a subject's
 * entries of one topic are one Query (a case's notices), and a consumer's grant can be narrowed to
 * its topic's items (dynamodb:LeadingKeys `OUTBOX#<topic>#*`).
 *
 * A new topic: add it here with its queue (shared/platform/queues.ts) and a consumer; the relay,
 * the stream filter and the relay's send grant follow from this list.
 */
export const OUTBOX_TOPICS = {
  // texts to applicants and agents (shared/notices)
  notices: 'notices',
  // the electronic archive (shared/archive): build the case's package after 办结/送达 and each later change
  archive: 'archive',
  // each stage of a case for the province's 一体化政务服务平台 (shared/exchange), in order per case
  exchange: 'exchange',
} as const satisfies Record<string, QueueId>;

export type OutboxTopic = keyof typeof OUTBOX_TOPICS;

export const isOutboxTopic = (t: unknown): t is OutboxTopic => typeof t === 'string' && Object.hasOwn(OUTBOX_TOPICS, t);

/** One entry: what its topic's consumer needs, never a whole ID number or phone (seal them). */
export interface OutboxEntry<P extends object = Record<string, unknown>> {
  topic: OutboxTopic;
  /** What the entry is about (a case id): its entries of a topic share a partition. */
  subject: string;
  /** Deterministic (e.g. case + event + channel), so the same fact is written once: a second put fails the transaction. */
  id: string;
  /** When the change was made (ISO). */
  at: string;
  payload: P;
  /**
   * The consumer's progress attributes as first written (e.g. `status: 'queued'`), stored on the
   * item beside the entry and not sent: a fact already settled at the change can say so.
   */
  progress?: Record<string, unknown>;
}

/** The queue message the relay sends: the entry as written (the consumer may read the item again for its progress). */
export const outboxMessage = (e: OutboxEntry): string => JSON.stringify({ topic: e.topic, subject: e.subject, id: e.id, at: e.at, payload: e.payload });

/** The stream filter: new items whose pk starts with this (CDK event-source filter and the local stream runner). */
export const OUTBOX_PK_PREFIX = 'OUTBOX#';

/** The in-memory fakes' outbox (memory-cases.ts writes it, a topic's memory store reads and updates it): entries by `outboxItemKey`. */
export type MemoryOutbox = Map<string, OutboxEntry & Record<string, unknown>>;
export const outboxItemKey = (topic: string, subject: string, id: string): string => `${topic}#${subject}/${id}`;
