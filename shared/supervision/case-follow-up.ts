import type { CaseReactions } from '../cases/ports.ts';
import { isWatched, snapshotOf, watchSignature } from './watch.ts';

/**
 * Supervision's reaction to a case change (the `CaseReactions` port of shared/cases, composed in
 * shared/app; committed with every change): the watch snapshot, when something it follows changed, due for a look at once
 * — so the next scan re-evaluates that case and only that case (its cards, the dashboard counters).
 * One small item of the case's own: no counter shared by concurrent cases is touched here.
 */
export const caseFollowUp: CaseReactions = (prev, next, at) => {
  const follow = (isWatched(prev) || isWatched(next)) && (!prev || watchSignature(prev) !== watchSignature(next));
  return follow ? [{ op: 'watch', caseId: next.id, caseVersion: next.version, snapshot: snapshotOf(next), at: at.toISOString() }] : [];
};
