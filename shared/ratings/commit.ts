import type { AuditAction } from '../audit/labels.ts';
import { actorOf, type AuditInput } from '../audit/audit.ts';
import type { Principal } from '../identity/principal.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { contribution, delta, dimsOf, isEmpty } from './counters.ts';
import { CHANNEL_LABELS, LEVEL_LABELS, type Rating, type RectificationTask } from './model.ts';
import { RATING_CONFLICT, isRatingConflict } from './conflicts.ts';
import type { RatingStore, RatingWrite } from './ports.ts';

/** The audit event of a staff action on a rating or its task (target: the case, so the case's trail shows it). */
export const ratingAudit = (p: Principal, action: AuditAction, r: Pick<Rating, 'caseId' | 'number'>, meta: RequestMeta, detail?: string): AuditInput => ({
  actor: actorOf(p),
  action,
  target: { type: 'case', id: r.caseId, label: r.number },
  result: 'success',
  sourceIp: meta.sourceIp,
  userAgent: meta.userAgent,
  detail: detail ? `${r.number} ${detail}` : r.number,
});

/**
 * A citizen's rating or follow-up, audited like a staff action but with nothing personal: no phone
 * digits, no query code, no free text (a reason may name people) — the number, the level, the channel.
 */
export const publicRatingAudit = (
  action: 'rating.public' | 'rating.follow-up',
  r: Pick<Rating, 'caseId' | 'number' | 'channel'>,
  level: Rating['level'] | undefined,
  meta: RequestMeta,
): AuditInput => ({
  actor: { anonymous: `群众（${CHANNEL_LABELS[r.channel]}）` },
  action,
  target: { type: 'case', id: r.caseId, label: r.number },
  result: 'success',
  sourceIp: meta.sourceIp,
  userAgent: meta.userAgent,
  detail: level ? `${r.number} ${LEVEL_LABELS[level]}` : r.number,
});

/**
 * The counter write that moves a rating's month from what it counted before a change to what it
 * counts after (nothing when the change does not touch the statistics).
 */
export const countWrites = (
  before: { rating: Rating | undefined; task: RectificationTask | undefined },
  after: { rating: Rating; task: RectificationTask | undefined },
): RatingWrite[] => {
  const add = delta(contribution(before.rating, before.task), contribution(after.rating, after.task));
  return isEmpty(add) ? [] : [{ op: 'count', month: after.rating.month, dims: dimsOf(after.rating), add }];
};

const ATTEMPTS = 6;
const pause = (attempt: number): Promise<void> => new Promise((res) => setTimeout(res, 20 * (attempt + 1) + Math.random() * 50));

/**
 * Commits, trying again while the store reports only that another transaction held an item
 * (concurrent ratings of one office share counter rows). A refused condition is never retried.
 */
export const commitRetrying = async (store: RatingStore, writes: readonly RatingWrite[], audits: readonly AuditInput[]): Promise<void> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await store.commit(writes, audits);
    } catch (e) {
      if (!isRatingConflict(e, RATING_CONFLICT.busy) || attempt >= ATTEMPTS - 1) throw e;
      await pause(attempt);
    }
  }
};
