/**
 * Ports of the catalog's search feedback (the catalog store itself is in store.ts).
 * Adapters: dynamo-search-misses.ts (C7 in shared/db/AccessPatterns.md), memory-search-misses.ts.
 */

/** Why a query counts as not found: it found nothing, or its results were left without a click. */
export type MissKind = 'zero' | 'noClick';

/** One query people could not find, in one Beijing month (no personal data: see search-misses.ts). */
export interface SearchMiss {
  query: string;
  zero: number;
  noClick: number;
  lastAt: string;
  /** Set when the county admin made it findable (added as 俗称 of an item). */
  handled?: { code: string; name: string; at: string };
}

export interface SearchMissStore {
  /** Counts one more miss of a query in a month (an atomic ADD: no read before the write). */
  record(month: string, query: string, kind: MissKind, at: string): Promise<void>;
  /** The month's misses, most counted first, at most `limit`. */
  top(month: string, limit: number): Promise<SearchMiss[]>;
  /** Marks a query of a month as made findable. */
  markHandled(month: string, query: string, handled: NonNullable<SearchMiss['handled']>): Promise<void>;
}
