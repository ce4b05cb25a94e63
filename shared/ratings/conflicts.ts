import { ConflictError } from '../errors/domain-errors.ts';

/** The conflicts commit reports, by code. */
export const RATING_CONFLICT = {
  /** A second rating of one case. */
  exists: 'RATING_EXISTS',
  /** A second follow-up, or a follow-up to a voided rating. */
  followUpTaken: 'FOLLOW_UP_TAKEN',
  /** A void of a rating already voided (or missing). */
  alreadyVoided: 'RATING_VOIDED',
  /** A task that exists already, or changed since it was read. */
  staleTask: 'TASK_STALE',
  /** Another transaction held an item: the same commit may simply be tried again. */
  busy: 'RATING_STORE_BUSY',
} as const;
export type RatingConflict = (typeof RATING_CONFLICT)[keyof typeof RATING_CONFLICT];
export const isRatingConflict = (e: unknown, code: RatingConflict): boolean => e instanceof ConflictError && e.code === code;
