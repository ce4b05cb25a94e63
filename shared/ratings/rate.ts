import { bjMonth } from '../platform/beijing-time.ts';
import { canAct, canSee } from '../cases/access.ts';
import type { CaseRecord } from '../cases/model.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { commitRetrying, countWrites, publicRatingAudit, ratingAudit } from './commit.ts';
import { taskDeadlines } from './deadlines.ts';
import { publicRatingView, type EvaluatorPending, type PublicRatingState } from './views.ts';
import {
  LEVEL_LABELS,
  effectiveLevel,
  isBad,
  type Channel,
  type Dimensions,
  type FollowUpInput,
  type Level,
  type PublicKeyInput,
  type PublicRatingInput,
  type Rating,
  type RectificationTask,
  type StaffRatingInput,
} from './model.ts';
import { citizenCase } from './public-access.ts';
import { exchangeEntry, ratingRecord } from '../exchange/plan.ts';
import { RATING_CONFLICT, isRatingConflict } from './conflicts.ts';
import type { EvaluatorPush, RatingPorts, RatingWrite } from './ports.ts';

/** 谁办理谁负责: the office the case was handed to handles it, else the office that accepted it. */
export const handlingOffice = (c: Pick<CaseRecord, 'officeId' | 'handedTo'>): string => c.handedTo ?? c.officeId;
/** The staff evaluated: who decided the case, else who accepted it. */
export const staffOf = (c: Pick<CaseRecord, 'decision' | 'createdBy'>): string => c.decision?.by ?? c.createdBy;

const monthOf = bjMonth;

export const newRating = (
  c: CaseRecord,
  input: { level: Level; reason?: string | undefined; dimensions?: Dimensions | undefined; channel: Channel },
  at: Date,
  enteredBy?: string,
): Rating => ({
  caseId: c.id,
  number: c.number,
  countyCode: c.countyCode,
  itemCode: c.itemCode,
  itemName: c.itemName,
  officeId: handlingOffice(c),
  acceptedBy: c.officeId,
  staff: staffOf(c),
  applicantType: c.applicant.type,
  level: input.level,
  ...(input.reason ? { reason: input.reason } : {}),
  ...(input.dimensions && Object.keys(input.dimensions).length ? { dimensions: input.dimensions } : {}),
  channel: input.channel,
  at: at.toISOString(),
  month: monthOf(at),
  ...(enteredBy ? { enteredBy } : {}),
});

/** The rectification task a 差评 opens for the handling office's head. */
export const newTask = async (
  ports: Pick<RatingPorts, 'calendar' | 'settings'>,
  r: Rating,
  level: Level,
  reason: string,
  at: Date,
): Promise<RectificationTask> => {
  const { cal } = await ports.calendar();
  return {
    caseId: r.caseId,
    number: r.number,
    itemName: r.itemName,
    officeId: r.officeId,
    month: r.month,
    ratedAt: at.toISOString(),
    level,
    reason,
    channel: r.channel,
    ...taskDeadlines(at, cal, ports.settings),
    status: 'open',
    createdAt: at.toISOString(),
    version: 1,
  };
};

const alreadyRated = () => new ConflictError(RATING_CONFLICT.exists, '该办件已评价过（一事一评），可追评一次');

/** One rating per case, committed with its counters (and, for a 差评, its rectification task). */
const commitRating = async (
  ports: Pick<RatingPorts, 'ratings' | 'calendar' | 'settings'>,
  c: CaseRecord,
  r: Rating,
  at: Date,
  audits: ReturnType<typeof ratingAudit>[],
): Promise<RectificationTask | undefined> => {
  const task = isBad(r.level) ? await newTask(ports, r, r.level, r.reason ?? '', at) : undefined;
  const writes: RatingWrite[] = [
    { op: 'create-rating', rating: r },
    ...(task ? [{ op: 'put-task' as const, task }] : []),
    ...countWrites({ rating: undefined, task: undefined }, { rating: r, task }),
    // the 评价 stage record for the province (GB/T 39735 via shared/exchange), with the rating
    { op: 'outbox', entry: exchangeEntry(c.id, c.version, ratingRecord(c, 'rated', r.at, { satisfaction: r.level, ratingChannel: r.channel })) },
  ];
  try {
    await commitRetrying(ports.ratings, writes, audits);
  } catch (e) {
    // a task already there means a rating was there first
    if (isRatingConflict(e, RATING_CONFLICT.staleTask)) throw alreadyRated();
    throw e;
  }
  return task;
};

/** POST /api/public/cases/{number}/rating: the citizen rates the case (QR, status page; no login). */
export const ratePublic = async (ports: RatingPorts, input: PublicRatingInput & { number: string }, meta: RequestMeta) => {
  const c = await citizenCase(ports, input, meta);
  // a cheap answer for the common second tap; the conditional write is what guarantees it
  if (await ports.ratings.rating(c.id)) throw alreadyRated();
  const at = ports.clock();
  const r = newRating(c, input, at);
  await commitRating(ports, c, r, at, [publicRatingAudit('rating.public', r, r.level, meta)]);
  return { rating: publicRatingView(r) };
};

/** GET /api/public/cases/{number}/rating: whether the case is rated yet (the page offers a rating or a follow-up). */
export const publicRatingState = async (ports: RatingPorts, input: PublicKeyInput & { number: string }, meta: RequestMeta): Promise<PublicRatingState> => {
  const c = await citizenCase(ports, input, meta);
  const r = await ports.ratings.rating(c.id);
  return { number: c.number, itemName: c.itemName, rated: Boolean(r), ...(r ? { rating: publicRatingView(r) } : {}) };
};

/** POST /api/public/cases/{number}/rating/follow-up: one 追评; a level given becomes the counted one. */
export const followUpPublic = async (ports: RatingPorts, input: FollowUpInput & { number: string }, meta: RequestMeta) => {
  const c = await citizenCase(ports, input, meta);
  const before = await ports.ratings.rating(c.id);
  if (!before) throw new NotFoundError('该办件尚未评价，请先评价');
  if (before.followUp || before.voided) throw new ConflictError(RATING_CONFLICT.followUpTaken, '已追评过（每件只能追评一次）');
  const at = ports.clock();
  const followUp = {
    text: input.text,
    at: at.toISOString(),
    ...(input.level ? { level: input.level } : {}),
    ...(input.reason ? { reason: input.reason } : {}),
  };
  const after: Rating = { ...before, followUp };
  const taskBefore = await ports.ratings.task(c.id);
  // a follow-up that turns the rating into a 差评 opens the task a 差评 always has
  const level = effectiveLevel(after);
  const task = !taskBefore && isBad(level) ? await newTask(ports, after, level, input.reason ?? input.text, at) : undefined;
  const writes: RatingWrite[] = [
    { op: 'follow-up', caseId: c.id, followUp },
    ...(task ? [{ op: 'put-task' as const, task }] : []),
    ...countWrites({ rating: before, task: taskBefore }, { rating: after, task: task ?? taskBefore }),
  ];
  try {
    await commitRetrying(ports.ratings, writes, [publicRatingAudit('rating.follow-up', before, input.level, meta)]);
  } catch (e) {
    if (isRatingConflict(e, RATING_CONFLICT.staleTask)) throw new ConflictError(RATING_CONFLICT.followUpTaken, '已追评过（每件只能追评一次）');
    throw e;
  }
  return { rating: publicRatingView(after) };
};

// ---------- at the window ----------

/** How long a pushed case waits on the evaluator for the citizen's tap. */
export const EVALUATOR_WAIT_MS = 15 * 60_000;

const needScope = (p: Principal, scope: Parameters<typeof hasScope>[1]) => {
  if (!hasScope(p, scope)) throw new ForbiddenError();
};

const caseForStaff = async (ports: Pick<RatingPorts, 'cases'>, p: Principal, caseId: string, act: boolean): Promise<CaseRecord> => {
  const c = (await ports.cases.get(caseId))?.record;
  if (!c || !(act ? canAct(p, c) : canSee(p, c))) throw new NotFoundError('办件不存在');
  return c;
};

/** POST /api/ratings/evaluator: the clerk puts the case just handled on the window's evaluator. */
export const pushToEvaluator = async (ports: RatingPorts, p: Principal, input: { caseId: string; caseIds?: string[] | undefined }, meta: RequestMeta) => {
  needScope(p, 'rating.evaluate');
  const c = await caseForStaff(ports, p, input.caseId, true);
  if (await ports.ratings.rating(c.id)) throw alreadyRated();
  // 一次一评: the visit's other cases the clerk may act on and nobody rated yet (at most 20, schema)
  const otherIds = [...new Set(input.caseIds ?? [])].filter((id) => id !== c.id);
  const others = (
    await Promise.all(
      otherIds.map(async (id) => {
        const o = await caseForStaff(ports, p, id, true);
        return (await ports.ratings.rating(o.id)) ? undefined : { caseId: o.id, number: o.number, itemName: o.itemName };
      }),
    )
  ).filter((o) => o !== undefined);
  const push: EvaluatorPush = {
    windowId: p.userId,
    caseId: c.id,
    number: c.number,
    itemName: c.itemName,
    pushedAt: ports.clock().toISOString(),
    pushedBy: p.username,
    ...(others.length ? { others } : {}),
  };
  await ports.ratings.commit([{ op: 'push-evaluator', push }], [ratingAudit(p, 'rating.evaluator.push', { caseId: c.id, number: c.number }, meta)]);
  return { pending: evaluatorView(push) };
};

const evaluatorView = (e: EvaluatorPush): EvaluatorPending => ({
  caseId: e.caseId,
  number: e.number,
  itemName: e.itemName,
  pushedAt: e.pushedAt,
  ...(e.others?.length ? { cases: [{ caseId: e.caseId, number: e.number, itemName: e.itemName }, ...e.others] } : {}),
});

/** GET /api/ratings/evaluator: what the tablet signed in as this window shows (polled). */
export const evaluatorPending = async (ports: RatingPorts, p: Principal): Promise<{ pending: EvaluatorPending | null }> => {
  needScope(p, 'rating.evaluate');
  const e = await ports.ratings.evaluator(p.userId);
  if (!e || ports.clock().getTime() - Date.parse(e.pushedAt) > EVALUATOR_WAIT_MS) return { pending: null };
  if (await ports.ratings.rating(e.caseId)) return { pending: null };
  return { pending: evaluatorView(e) };
};

/**
 * POST /api/ratings: a rating entered by staff — the citizen's tap on the window's evaluator
 * (the case must be the one pushed to this window) or a hotline call written down.
 */
export const rateByStaff = async (ports: RatingPorts, p: Principal, input: StaffRatingInput, meta: RequestMeta) => {
  needScope(p, 'rating.evaluate');
  const c = await caseForStaff(ports, p, input.caseId, input.channel === 'window');
  if (input.channel === 'window') {
    const e = await ports.ratings.evaluator(p.userId);
    if (!e || e.caseId !== c.id) throw new ConflictError('NOT_ON_EVALUATOR', '该办件不在本窗口的评价器上，请窗口人员重新推送');
    // 一次一评: the visit's other cases first, each its own rating (一事一评: one already rated is
    // passed over), the pushed one last — a failure midway leaves the evaluator showing, to tap again
    for (const o of e.others ?? []) {
      const other = await caseForStaff(ports, p, o.caseId, true);
      if (await ports.ratings.rating(other.id)) continue;
      const at = ports.clock();
      const r = newRating(other, input, at, p.username);
      try {
        await commitRating(ports, other, r, at, [ratingAudit(p, 'rating.window', r, meta, LEVEL_LABELS[r.level])]);
      } catch (err) {
        if (!(err instanceof ConflictError && err.code === RATING_CONFLICT.exists)) throw err;
      }
    }
  }
  if (await ports.ratings.rating(c.id)) throw alreadyRated();
  const at = ports.clock();
  const r = newRating(c, input, at, p.username);
  await commitRating(ports, c, r, at, [ratingAudit(p, `rating.${input.channel}`, r, meta, LEVEL_LABELS[r.level])]);
  return { rating: publicRatingView(r) };
};
