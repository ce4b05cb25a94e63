import type { TableId } from './tables.ts';
import { OUTBOX_PK_PREFIX } from './outbox.ts';

/**
 * Consumers of tables' streams, as data: `functions/streams/<id>.ts`. The CDK stack maps each
 * to its table's stream with the filter below (Lambda event filtering: records that do not match
 * cost no invocation); the local platform runs those marked `local` on DynamoDB Local's streams
 * with the same filter (local/streams.ts).
 */
export interface StreamDef {
  readonly id: string;
  readonly table: TableId;
  /** Only these events, and only items whose pk starts with `pkPrefix`. */
  readonly filter?: { readonly events: ReadonlyArray<'INSERT' | 'MODIFY' | 'REMOVE'>; readonly pkPrefix: string };
  readonly batchSize: number;
  /** Run by `npm start` and the tests' stacks (the audit archive's bucket exists only deployed). */
  readonly local: boolean;
}

export const STREAMS: readonly StreamDef[] = [
  // the locked archive copy of every audit event
  { id: 'audit-archive', table: 'audit', batchSize: 100, local: false },
  // the transactional outbox: new entries to their topics' queues (shared/platform/outbox.ts)
  { id: 'outbox-relay', table: 'cases', filter: { events: ['INSERT'], pkPrefix: OUTBOX_PK_PREFIX }, batchSize: 100, local: true },
];

/** Whether a stream record passes a definition's filter (the local runner; Lambda applies the same filter itself). */
export const passesFilter = (def: StreamDef, eventName: string | undefined, pk: unknown): boolean =>
  !def.filter || (def.filter.events.includes(eventName as 'INSERT') && typeof pk === 'string' && pk.startsWith(def.filter.pkPrefix));
