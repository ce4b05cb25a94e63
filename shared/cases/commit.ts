import type { AuditAction } from '../audit/labels.ts';
import { actorOf, type AuditInput } from '../audit/audit.ts';
import type { Principal } from '../identity/principal.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import type { CaseRecord } from './model.ts';
import { CASE_CONFLICT, isConflict } from './conflicts.ts';
import { COUNTY_TOTAL } from './model.ts';
import { type CaseWrite, type CounterAdd } from './ports.ts';

/** What every case mutation commits beside its change: one audit event, and the daily counters. */
export const caseAudit = (p: Principal, action: AuditAction, c: Pick<CaseRecord, 'id' | 'number'>, meta: RequestMeta): AuditInput => ({
  actor: actorOf(p),
  action,
  target: { type: 'case', id: c.id },
  result: 'success',
  sourceIp: meta.sourceIp,
  userAgent: meta.userAgent,
  detail: c.number,
});

/** The office's counters and the county's, for a Beijing date. */
export const countWrites = (officeId: string, day: string, add: CounterAdd | undefined): CaseWrite[] =>
  add && Object.keys(add).length
    ? [
        { op: 'count', officeId, day, add },
        { op: 'count', officeId: COUNTY_TOTAL, day, add },
      ]
    : [];

/** Attempts before a busy store is reported to the caller. */
export const MAX_ATTEMPTS = 6;

/** A short random pause, longer each time, so concurrent writers on one counter spread out. */
export const pauseBeforeRetry = (attempt: number): Promise<void> => new Promise((res) => setTimeout(res, 20 * (attempt + 1) + Math.random() * 50));

/** Runs a commit again while the store says only that another transaction held an item. */
export const retryWhileBusy = async <T>(commit: () => Promise<T>): Promise<T> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await commit();
    } catch (e) {
      if (!isConflict(e, CASE_CONFLICT.busy) || attempt >= MAX_ATTEMPTS - 1) throw e;
      await pauseBeforeRetry(attempt);
    }
  }
};
