import type { AuditInput } from '../audit/audit.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import { outboxItemKey, type MemoryOutbox } from '../platform/outbox.ts';
import { COUNTER_FIELDS, dimKey, zeroCounts, type CounterRow } from './counters.ts';
import { OPEN_TASK_STATUSES, type Rating, type RectificationTask } from './model.ts';
import { RATING_CONFLICT } from './conflicts.ts';
import type { DisclosureDoc, EvaluatorPush, RatingStore, RatingWrite } from './ports.ts';

/**
 * RatingStore in memory for unit tests: the same conditions as DynamoDB (one rating per case, one
 * follow-up, task versions), all-or-nothing commits, at most 100 items per commit.
 */
export interface MemoryRatingStore extends RatingStore {
  readonly audits: AuditInput[];
  /** The next `n` commits fail as if another transaction held an item (to test retries). */
  failNextCommits(n: number): void;
  /** Every rating stored (test checks: recomputation). */
  allRatings(): Rating[];
  allTasks(): RectificationTask[];
  /** The outbox entries the rating commits wrote (the province's stage records). */
  readonly outbox: MemoryOutbox;
}

const clone = <T>(v: T): T => structuredClone(v);
const oldestFirst = (a: RectificationTask, b: RectificationTask): number => a.ratedAt.localeCompare(b.ratedAt) || a.caseId.localeCompare(b.caseId);
const busy = () => new ConflictError(RATING_CONFLICT.busy, '系统繁忙，请稍后重试');

/** `outbox`: the cases' in-memory outbox (memoryCaseStore({ outbox })), where the province's stage records go. */
export const memoryRatingStore = (shared: { outbox?: MemoryOutbox } = {}): MemoryRatingStore => {
  const outbox: MemoryOutbox = shared.outbox ?? new Map();
  const ratings = new Map<string, Rating>();
  const tasks = new Map<string, RectificationTask>();
  const counters = new Map<string, Map<string, CounterRow>>();
  const evaluators = new Map<string, EvaluatorPush>();
  const docs = new Map<string, DisclosureDoc>();
  const audits: AuditInput[] = [];
  let failing = 0;

  const itemCount = (w: RatingWrite) => (w.op === 'count' ? w.dims.length : 1);

  /** The condition of a write, checked against the state before the commit. */
  const refused = (w: RatingWrite): ConflictError | undefined => {
    switch (w.op) {
      case 'create-rating':
        return ratings.has(w.rating.caseId) ? new ConflictError(RATING_CONFLICT.exists, '该办件已评价过（一事一评），可追评一次') : undefined;
      case 'follow-up': {
        const r = ratings.get(w.caseId);
        return !r || r.followUp || r.voided ? new ConflictError(RATING_CONFLICT.followUpTaken, '已追评过（每件只能追评一次），或该评价已撤销') : undefined;
      }
      case 'void-rating': {
        const r = ratings.get(w.caseId);
        return !r || r.voided ? new ConflictError(RATING_CONFLICT.alreadyVoided, '该评价已撤销') : undefined;
      }
      case 'put-task':
        return tasks.has(w.task.caseId) ? new ConflictError(RATING_CONFLICT.staleTask, '整改任务已被他人更新，请刷新后再操作') : undefined;
      case 'update-task':
        return tasks.get(w.task.caseId)?.version !== w.expectedVersion
          ? new ConflictError(RATING_CONFLICT.staleTask, '整改任务已被他人更新，请刷新后再操作')
          : undefined;
      case 'outbox':
        return outbox.has(outboxItemKey(w.entry.topic, w.entry.subject, w.entry.id))
          ? new ConflictError(RATING_CONFLICT.exists, '该办件已评价过（一事一评），可追评一次')
          : undefined;
      default:
        return undefined;
    }
  };

  const apply = (w: RatingWrite) => {
    switch (w.op) {
      case 'create-rating':
        ratings.set(w.rating.caseId, clone(w.rating));
        return;
      case 'follow-up':
        ratings.get(w.caseId)!.followUp = clone(w.followUp);
        return;
      case 'void-rating':
        ratings.get(w.caseId)!.voided = clone(w.voided);
        return;
      case 'put-task':
      case 'update-task':
        tasks.set(w.task.caseId, clone(w.task));
        return;
      case 'count': {
        const month = counters.get(w.month) ?? new Map<string, CounterRow>();
        counters.set(w.month, month);
        for (const d of w.dims) {
          const k = dimKey(d);
          const row = month.get(k) ?? { ...clone(d), counts: zeroCounts() };
          if (d.kind === 'item' && row.kind === 'item') row.itemName = d.itemName;
          for (const f of COUNTER_FIELDS) row.counts[f] += w.add[f] ?? 0;
          month.set(k, row);
        }
        return;
      }
      case 'push-evaluator':
        evaluators.set(w.push.windowId, clone(w.push));
        return;
      case 'put-disclosure':
        docs.set(w.doc.key, clone(w.doc));
        return;
      case 'outbox': {
        const { progress, ...entry } = w.entry;
        outbox.set(outboxItemKey(entry.topic, entry.subject, entry.id), { ...clone(progress), ...clone(entry) });
        return;
      }
    }
  };

  return {
    audits,
    failNextCommits: (n) => {
      failing = n;
    },
    allRatings: () => [...ratings.values()].map(clone),
    allTasks: () => [...tasks.values()].map(clone),
    outbox,
    rating: async (caseId) => clone(ratings.get(caseId)),
    task: async (caseId) => clone(tasks.get(caseId)),
    ratingsOfOffice: async (officeId, month, between) =>
      [...ratings.values()]
        .filter((r) => r.officeId === officeId && r.month === month && (!between || (r.at >= between.from && r.at.slice(0, between.to.length) <= between.to)))
        .sort((a, b) => `${a.at}#${a.caseId}`.localeCompare(`${b.at}#${b.caseId}`))
        .map(clone),
    openTasks: async (officeId) =>
      [...tasks.values()]
        .filter((t) => OPEN_TASK_STATUSES.includes(t.status) && (!officeId || t.officeId === officeId))
        .sort(oldestFirst)
        .map(clone),
    // in the index's order (rated at, case), as DynamoDB gives them
    closedTasks: async (officeId, month) =>
      [...tasks.values()]
        .filter((t) => !OPEN_TASK_STATUSES.includes(t.status) && t.officeId === officeId && t.month === month)
        .sort(oldestFirst)
        .map(clone),
    // in sort-key order (the dimension key), as the month's partition gives them
    counters: async (month) => [...(counters.get(month)?.entries() ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => clone(row)),
    evaluator: async (windowId) => clone(evaluators.get(windowId)),
    disclosure: async (key) => clone(docs.get(key)),
    commit: async (writes, auditInputs) => {
      if (writes.reduce((n, w) => n + itemCount(w), 0) + auditInputs.length > 100) throw new Error('transaction too large (DynamoDB: at most 100 items)');
      if (failing > 0) {
        failing--;
        throw busy();
      }
      for (const w of writes) {
        const e = refused(w);
        if (e) throw e;
      }
      writes.forEach(apply);
      audits.push(...auditInputs.map(clone));
    },
  };
};
