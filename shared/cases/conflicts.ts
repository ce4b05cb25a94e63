import { ConflictError } from '../errors/domain-errors.ts';

/**
 * The conflicts commit reports, as domain errors: use cases tell them apart by code.
 * STALE_VERSION carries the message the clerk sees; the others are handled inside the use cases.
 */
export const CASE_CONFLICT = {
  /** An `update` found another version: someone else acted first. */
  staleVersion: 'STALE_VERSION',
  /** A `create` found its idempotency key already used (the same request again, or a reused key). */
  keyTaken: 'IDEMPOTENCY_KEY_TAKEN',
  /** A hop's event exists already: the message was applied before (a redelivery). */
  alreadyApplied: 'HAND_OVER_APPLIED',
  /** Another transaction held one of the items (or a fresh id collided): the same commit may simply be tried again. */
  busy: 'CASE_STORE_BUSY',
  /** An outbox entry with this id exists: the fact it carries was recorded by an earlier change. */
  outboxTaken: 'OUTBOX_ENTRY_TAKEN',
} as const;

export const staleVersion = (): ConflictError => new ConflictError(CASE_CONFLICT.staleVersion, '办件已被他人更新，请刷新后再操作');
export const isConflict = (e: unknown, code: (typeof CASE_CONFLICT)[keyof typeof CASE_CONFLICT]): boolean => e instanceof ConflictError && e.code === code;
