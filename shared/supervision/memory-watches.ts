import type { WatchSink } from '../cases/memory-cases.ts';
import type { Watch, WatchedCase } from './watch.ts';

/**
 * The `watch` writes of a memory case store, landing in the watches a memory supervision store
 * reads (pass the same map to both): the snapshot and its look-at replaced, supervision's own
 * fields (cards given, counted, level) kept — as the DynamoDB update does in the cases table.
 */
export const watchSink =
  (watches: Map<string, Watch>): WatchSink =>
  (w) => {
    const old = watches.get(w.caseId);
    watches.set(w.caseId, {
      rev: 0,
      given: {},
      counted: {},
      level: 'none',
      ...old,
      caseId: w.caseId,
      case: w.snapshot as WatchedCase,
      caseVersion: w.caseVersion,
      lookAt: w.at,
    });
  };
