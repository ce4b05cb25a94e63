import type { CaseRecord } from '../cases/model.ts';
import type { CaseWrite } from '../cases/store.ts';
import { isWatched, snapshotOf, watchSignature } from './watch.ts';

/**
 * What supervision adds to a case transaction (the cases context calls this for every change, in
 * the same commit): the watch snapshot, when something it follows changed, due for a look at once
 * — so the next scan re-evaluates that case and only that case (its cards, the dashboard counters).
 * One small item of the case's own: no counter shared by concurrent cases is touched here.
 */
export const caseFollowUp = (prev: CaseRecord | undefined, next: CaseRecord, at: Date): CaseWrite[] => {
  const follow = (isWatched(prev) || isWatched(next)) && (!prev || watchSignature(prev) !== watchSignature(next));
  return follow ? [{ op: 'watch', caseId: next.id, caseVersion: next.version, snapshot: snapshotOf(next), at: at.toISOString() }] : [];
};
