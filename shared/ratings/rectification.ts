import { bjDay } from '../platform/beijing-time.ts';
import type { AuditAction } from '../audit/labels.ts';
import type * as z from 'zod';

import { countyWide } from '../cases/access.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { commitRetrying, countWrites, ratingAudit } from './commit.ts';
import { exchangeEntry, ratingRecord } from '../exchange/plan.ts';
import { ratingView, taskView } from './views.ts';
import {
  type appealBody,
  type appealDecisionBody,
  type callbackBody,
  type Rating,
  type RectificationTask,
  type rectifyBody,
  type taskListQuery,
} from './model.ts';
import { RATING_CONFLICT } from './conflicts.ts';
import type { RatingPorts, RatingWrite } from './ports.ts';

/**
 * 差评整改, 谁办理谁负责: the head of the handling office calls the citizen back (回访), records
 * the measures and the answer given (整改); or appeals a malicious rating (申诉), which a
 * supervisor upholds (the rating stays in the record, out of the statistics) or rejects.
 */
const needScope = (p: Principal, scope: Parameters<typeof hasScope>[1]) => {
  if (!hasScope(p, scope)) throw new ForbiddenError();
};

const staleTask = () => new ConflictError(RATING_CONFLICT.staleTask, '整改任务已被他人更新，请刷新后再操作');

/** GET /api/ratings/tasks: open / appealed / closed (of a month) tasks of one's office, or any office for county-wide readers. */
export const listTasks = async (ports: Pick<RatingPorts, 'ratings' | 'clock'>, p: Principal, q: z.output<typeof taskListQuery>) => {
  needScope(p, 'rating.stats');
  const now = ports.clock();
  const officeId = countyWide(p) ? q.officeId : p.officeId;
  let tasks: RectificationTask[];
  if (q.view === 'closed') {
    if (!officeId) throw new RuleError('OFFICE_REQUIRED', '查看已办结的整改任务须选择机构', [{ path: 'officeId', message: '请选择机构' }]);
    tasks = await ports.ratings.closedTasks(officeId, q.month ?? bjDay(now).slice(0, 7));
  } else {
    tasks = (await ports.ratings.openTasks(officeId)).filter((t) => t.status === q.view);
  }
  return { tasks: tasks.map((t) => taskView(t, now)) };
};

const visibleTask = async (ports: Pick<RatingPorts, 'ratings'>, p: Principal, caseId: string) => {
  const [task, rating] = await Promise.all([ports.ratings.task(caseId), ports.ratings.rating(caseId)]);
  if (!task || !rating || !(countyWide(p) || task.officeId === p.officeId)) throw new NotFoundError('整改任务不存在');
  return { task, rating };
};

/** GET /api/ratings/tasks/{caseId}: the task with its rating. */
export const getTask = async (ports: Pick<RatingPorts, 'ratings' | 'clock'>, p: Principal, input: { caseId: string }) => {
  needScope(p, 'rating.stats');
  const { task, rating } = await visibleTask(ports, p, input.caseId);
  return { task: taskView(task, ports.clock()), rating: ratingView(rating) };
};

/** Acting on a task needs the handling office itself (county-wide reading is not enough). */
const ownTask = async (ports: Pick<RatingPorts, 'ratings'>, p: Principal, caseId: string, expectedVersion: number) => {
  needScope(p, 'rating.rectify');
  const { task, rating } = await visibleTask(ports, p, caseId);
  if (task.officeId !== p.officeId) throw new NotFoundError('整改任务不存在');
  if (task.version !== expectedVersion) throw staleTask();
  return { task, rating };
};

const save = async (
  ports: Pick<RatingPorts, 'ratings' | 'clock'>,
  p: Principal,
  before: { task: RectificationTask; rating: Rating },
  after: { task: RectificationTask; rating: Rating },
  extra: RatingWrite[],
  action: AuditAction,
  meta: RequestMeta,
  detail?: string,
) => {
  const writes: RatingWrite[] = [{ op: 'update-task', task: after.task, expectedVersion: before.task.version }, ...extra, ...countWrites(before, after)];
  await commitRetrying(ports.ratings, writes, [ratingAudit(p, action, after.rating, meta, detail)]);
  return { task: taskView(after.task, ports.clock()), rating: ratingView(after.rating) };
};

/** POST …/callback: 回访 recorded (when, by whom, what was said). Another may follow one that did not reach the citizen. */
export const recordCallback = async (
  ports: Pick<RatingPorts, 'ratings' | 'clock'>,
  p: Principal,
  input: { caseId: string } & z.output<typeof callbackBody>,
  meta: RequestMeta,
) => {
  const before = await ownTask(ports, p, input.caseId, input.expectedVersion);
  const t = before.task;
  if (t.status === 'rectified' || t.status === 'voided') throw new RuleError('TASK_CLOSED', '整改任务已办结');
  if (t.callback?.reached) throw new RuleError('CALLBACK_DONE', '已完成回访');
  const now = ports.clock();
  if (input.calledAt && input.calledAt > now.toISOString())
    throw new RuleError('CALLED_IN_FUTURE', '回访时间不能晚于现在', [{ path: 'calledAt', message: '回访时间不能晚于现在' }]);
  const task: RectificationTask = {
    ...t,
    callback: {
      calledAt: input.calledAt ? new Date(input.calledAt).toISOString() : now.toISOString(),
      by: p.username,
      note: input.note,
      reached: input.reached,
      at: now.toISOString(),
    },
    version: t.version + 1,
  };
  return save(ports, p, before, { task, rating: before.rating }, [], 'rating.callback', meta, input.reached ? '已回访' : '回访未联系上');
};

/** POST …/rectify: measures and the answer told to the citizen; closes the task. A callback comes first. */
export const rectify = async (
  ports: Pick<RatingPorts, 'ratings' | 'clock' | 'cases'>,
  p: Principal,
  input: { caseId: string } & z.output<typeof rectifyBody>,
  meta: RequestMeta,
) => {
  const before = await ownTask(ports, p, input.caseId, input.expectedVersion);
  const t = before.task;
  if (t.status !== 'open') throw new RuleError('TASK_NOT_OPEN', t.status === 'appealed' ? '申诉复核中，复核结果出来前不能办结整改' : '整改任务已办结');
  if (!t.callback) throw new RuleError('CALLBACK_FIRST', '请先回访群众，再填写整改结果');
  const now = ports.clock().toISOString();
  const task: RectificationTask = {
    ...t,
    status: 'rectified',
    rectification: { measures: input.measures, answer: input.answer, at: now, by: p.username },
    closedAt: now,
    version: t.version + 1,
  };
  // the 差评整改 stage record for the province (GB/T 39735 via shared/exchange), in the same commit
  const c = (await ports.cases.get(t.caseId))?.record;
  const toProvince: RatingWrite[] = c
    ? [{ op: 'outbox', entry: exchangeEntry(c.id, c.version, ratingRecord(c, 'rectified', now, { rectification: input.measures })) }]
    : [];
  return save(ports, p, before, { task, rating: before.rating }, toProvince, 'rating.rectify', meta);
};

/** POST …/appeal: the office says the rating is malicious; a supervisor decides. Once per task. */
export const appeal = async (
  ports: Pick<RatingPorts, 'ratings' | 'clock'>,
  p: Principal,
  input: { caseId: string } & z.output<typeof appealBody>,
  meta: RequestMeta,
) => {
  const before = await ownTask(ports, p, input.caseId, input.expectedVersion);
  const t = before.task;
  if (t.appeal) throw new RuleError('APPEALED_BEFORE', '每个差评只能申诉一次');
  if (t.status !== 'open') throw new RuleError('TASK_NOT_OPEN', '整改任务已办结，不能申诉');
  const task: RectificationTask = {
    ...t,
    status: 'appealed',
    appeal: { reason: input.reason, at: ports.clock().toISOString(), by: p.username },
    version: t.version + 1,
  };
  return save(ports, p, before, { task, rating: before.rating }, [], 'rating.appeal', meta);
};

/**
 * POST …/appeal/decision: the supervisor's decision and reason. Upheld: the rating is voided —
 * kept in the record, taken out of the statistics — and the task closes. Rejected: back to open.
 */
export const decideAppeal = async (
  ports: Pick<RatingPorts, 'ratings' | 'clock'>,
  p: Principal,
  input: { caseId: string } & z.output<typeof appealDecisionBody>,
  meta: RequestMeta,
) => {
  needScope(p, 'rating.review');
  const before = await visibleTask(ports, p, input.caseId);
  const t = before.task;
  if (t.version !== input.expectedVersion) throw staleTask();
  if (t.status !== 'appealed' || !t.appeal) throw new RuleError('NOT_APPEALED', '该整改任务没有待复核的申诉');
  const now = ports.clock().toISOString();
  const decision = { upheld: input.upheld, reason: input.reason, at: now, by: p.username };
  const task: RectificationTask = {
    ...t,
    status: input.upheld ? 'voided' : 'open',
    appeal: { ...t.appeal, decision },
    ...(input.upheld ? { closedAt: now } : {}),
    version: t.version + 1,
  };
  const voided = { at: now, by: p.username, reason: input.reason };
  const rating: Rating = input.upheld ? { ...before.rating, voided } : before.rating;
  const extra: RatingWrite[] = input.upheld ? [{ op: 'void-rating', caseId: t.caseId, voided }] : [];
  return save(ports, p, before, { task, rating }, extra, input.upheld ? 'rating.appeal.upheld' : 'rating.appeal.rejected', meta);
};
