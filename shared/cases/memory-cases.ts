import type { AuditInput } from '../audit/audit.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import { INBOX_KINDS, type InboxKind } from './hop-labels.ts';
import { type Commission, type InboxEntry } from './hops.ts';
import { RUNNING, type CaseRecord } from './model.ts';
import { holderOf } from './access.ts';
import { CASE_CONFLICT, staleVersion } from './conflicts.ts';
import { type CaseStore, type CaseWrite, type CounterAdd, type IdempotencyRecord, type TimelineEvent } from './ports.ts';
import { outboxItemKey, type MemoryOutbox } from '../platform/outbox.ts';

/**
 * CaseStore in memory for unit tests: the same conditions as DynamoDB (new ids, unused
 * idempotency keys, version checks, one hand-over once), all-or-nothing commits, and the same
 * index semantics (a case is listed under the office and status of its last full write).
 */
export interface MemoryCaseStore extends CaseStore {
  /** Every audit event committed, in order. */
  readonly audits: AuditInput[];
  /** Number of successful commits. */
  readonly commits: number;
  /** The daily counters of an office (or COUNTY_TOTAL) on a Beijing date YYYY-MM-DD. */
  counters(officeId: string, day: string): CounterAdd;
  /** The next `n` commits fail as if another transaction held an item (to test retries). */
  failNextCommits(n: number): void;
  /** Puts a case as it stands, bypassing the use cases (test set-up). */
  seed(c: CaseRecord, applicantHash?: string): void;
  /** The outbox entries written with the cases, shared with a topic's memory store. */
  readonly outbox: MemoryOutbox;
}

interface Row {
  record: CaseRecord;
  applicantHash?: string;
  /** gsi2 as of the last full write: office, status and sort key. */
  listed: { officeId: string; status: string; sort: string };
}

const clone = <T>(v: T): T => structuredClone(v);
const listedOf = (c: CaseRecord): Row['listed'] => ({ officeId: holderOf(c), status: c.status, sort: `${c.acceptedAt ?? c.createdAt}#${c.id}` });
const inboxKey = (e: Pick<InboxEntry, 'officeId' | 'kind' | 'sentAt' | 'refId'>) => `INBOX#${e.officeId}/${e.kind}#${e.sentAt}#${e.refId}`;

/**
 * Where the `watch` writes land: supervision's item in the cases table, kept by the memory
 * supervision store (its `watchSink`), as in DynamoDB both live in one table. Without one they are
 * dropped (a county without supervision).
 */
export type WatchSink = (w: Extract<CaseWrite, { op: 'watch' }>) => void;

export const memoryCaseStore = (shared: { watch?: WatchSink; outbox?: MemoryOutbox } = {}): MemoryCaseStore => {
  const outbox: MemoryOutbox = shared.outbox ?? new Map();
  const outboxKey = (w: Extract<CaseWrite, { op: 'outbox' }>) => outboxItemKey(w.entry.topic, w.entry.subject, w.entry.id);
  const cases = new Map<string, Row>();
  const events = new Map<string, Map<string, TimelineEvent>>();
  const idempotency = new Map<string, IdempotencyRecord & { expiresAt: Date }>();
  const sequences = new Map<string, number>();
  const counters = new Map<string, CounterAdd>();
  const rates = new Map<string, number>();
  const inboxes = new Map<string, InboxEntry>();
  const commissions = new Map<string, { commission: Commission; applicantHash?: string }>();
  const finds = new Map<string, Map<string, string>>();
  const audits: AuditInput[] = [];
  let commits = 0;
  let failing = 0;

  const eventKey = (w: Extract<CaseWrite, { op: 'event' }>) => `EVENT#${w.event.at}#${String(w.version).padStart(4, '0')}`;
  const hopKey = (w: Extract<CaseWrite, { op: 'hop-event' }>) => `EVENT#${w.event.at}#forward#${w.hopId}`;

  /** The items a write touches (DynamoDB refuses two operations on one item in a transaction). */
  const itemsOf = (w: CaseWrite): string[] => {
    switch (w.op) {
      case 'create':
        return [`CASE#${w.case.id}`, `IDEM#${w.idempotency.key}`];
      case 'update':
        return [`CASE#${w.case.id}`];
      case 'event':
        return [`CASE#${w.caseId}/${eventKey(w)}`];
      case 'count':
        return [`STATS#${w.officeId}#${w.day}`];
      case 'hop-event':
        return [`CASE#${w.caseId}/${hopKey(w)}`];
      case 'inbox-put':
        return [inboxKey(w.entry)];
      case 'inbox-delete':
        return [inboxKey(w.entry)];
      case 'commission':
        return [`COMM#${w.commission.id}`];
      case 'find':
        return [`FIND#${w.hash}/${w.at}#${w.caseId}`];
      case 'watch':
        return [`CASE#${w.caseId}/WATCH`];
      case 'outbox':
        return [`OUTBOX#${outboxKey(w)}`];
    }
  };

  /** The error the write's condition raises now, if any. */
  const check = (w: CaseWrite): Error | undefined => {
    switch (w.op) {
      case 'create':
        if (idempotency.has(w.idempotency.key)) return new ConflictError(CASE_CONFLICT.keyTaken, '该受理请求编号已使用');
        return cases.has(w.case.id) ? new ConflictError(CASE_CONFLICT.busy, '系统繁忙，请稍后重试') : undefined;
      case 'update':
        return cases.get(w.case.id)?.record.version === w.expectedVersion ? undefined : staleVersion();
      case 'event':
        return events.get(w.caseId)?.has(eventKey(w)) ? new ConflictError(CASE_CONFLICT.busy, '系统繁忙，请稍后重试') : undefined;
      case 'count':
      case 'watch':
        return undefined;
      case 'hop-event':
        return events.get(w.caseId)?.has(hopKey(w)) ? new ConflictError(CASE_CONFLICT.alreadyApplied, '该转报已处理') : undefined;
      case 'inbox-put':
      case 'inbox-delete':
      case 'find':
        return undefined;
      case 'outbox':
        return outbox.has(outboxKey(w)) ? new ConflictError(CASE_CONFLICT.outboxTaken, '该办件的这项后续处理已登记，请刷新后再操作') : undefined;
      case 'commission': {
        const had = commissions.get(w.commission.id);
        if (w.expectedVersion === undefined) return had ? new ConflictError(CASE_CONFLICT.busy, '系统繁忙，请稍后重试') : undefined;
        return had?.commission.version === w.expectedVersion ? undefined : staleVersion();
      }
    }
  };

  const addEvent = (caseId: string, key: string, e: TimelineEvent) => {
    const m = events.get(caseId) ?? new Map<string, TimelineEvent>();
    m.set(key, clone(e));
    events.set(caseId, m);
  };

  const apply = (w: CaseWrite): void => {
    switch (w.op) {
      case 'create':
        cases.set(w.case.id, { record: clone(w.case), applicantHash: w.applicantHash, listed: listedOf(w.case) });
        idempotency.set(w.idempotency.key, { caseId: w.case.id, bodyHash: w.idempotency.bodyHash, expiresAt: w.idempotency.expiresAt });
        return;
      case 'update':
        cases.set(w.case.id, { record: clone(w.case), ...(w.applicantHash ? { applicantHash: w.applicantHash } : {}), listed: listedOf(w.case) });
        return;
      case 'event':
        addEvent(w.caseId, eventKey(w), w.event);
        return;
      case 'count': {
        const k = `${w.officeId}#${w.day}`;
        const c = counters.get(k) ?? {};
        for (const [name, n] of Object.entries(w.add) as Array<[keyof CounterAdd, number]>) c[name] = (c[name] ?? 0) + n;
        counters.set(k, c);
        return;
      }
      case 'hop-event':
        addEvent(w.caseId, hopKey(w), w.event);
        return;
      case 'inbox-put':
        inboxes.set(inboxKey(w.entry), clone(w.entry));
        return;
      case 'inbox-delete':
        inboxes.delete(inboxKey(w.entry));
        return;
      case 'find': {
        const m = finds.get(w.hash) ?? new Map<string, string>();
        m.set(`${w.at}#${w.caseId}`, w.caseId);
        finds.set(w.hash, m);
        return;
      }
      case 'commission': {
        const hash = w.applicantHash ?? commissions.get(w.commission.id)?.applicantHash;
        commissions.set(w.commission.id, { commission: clone(w.commission), ...(hash ? { applicantHash: hash } : {}) });
        return;
      }
      case 'outbox': {
        const { progress, ...entry } = clone(w.entry);
        outbox.set(outboxKey(w), { ...progress, ...entry });
        return;
      }
      case 'watch':
        shared.watch?.(clone(w));
        return;
    }
  };

  /** Newest first; the cursor is the last key shown. */
  const pageOf = <T>(rows: Array<{ key: string; value: T }>, page: { limit?: number; cursor?: string }) => {
    const sorted = rows.filter((r) => !page.cursor || r.key < page.cursor).sort((a, b) => (a.key < b.key ? 1 : -1));
    const limit = page.limit ?? 100;
    const shown = sorted.slice(0, limit);
    return { values: shown.map((r) => clone(r.value)), ...(sorted.length > limit ? { cursor: shown.at(-1)!.key } : {}) };
  };

  return {
    audits,
    outbox,
    get commits() {
      return commits;
    },
    counters: (officeId, day) => ({ ...counters.get(`${officeId}#${day}`) }),
    failNextCommits: (n) => {
      failing = n;
    },
    seed: (c, applicantHash) => {
      cases.set(c.id, { record: clone(c), ...(applicantHash ? { applicantHash } : {}), listed: listedOf(c) });
    },

    get: async (id) => {
      const row = cases.get(id);
      return row ? { record: clone(row.record), ...(row.applicantHash ? { applicantHash: row.applicantHash } : {}) } : undefined;
    },
    byNumber: async (number) => clone([...cases.values()].find((r) => r.record.number === number)?.record),
    events: async (id) =>
      [...(events.get(id) ?? new Map<string, TimelineEvent>()).entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([, e]) => ({
          at: e.at,
          type: e.type,
          by: e.by,
          ...(e.byName ? { byName: e.byName } : {}),
          ...(e.note ? { note: e.note } : {}),
          ...(e.fromOfficeId ? { fromOfficeId: e.fromOfficeId } : {}),
          ...(e.toOfficeId ? { toOfficeId: e.toOfficeId } : {}),
        })),
    ofOffice: async (officeId, status, page = {}) => {
      const all = [...cases.values()]
        .filter((r) => r.listed.officeId === officeId && r.listed.status === status && (!page.cursor || r.listed.sort < page.cursor))
        .sort((a, b) => (a.listed.sort < b.listed.sort ? 1 : -1));
      const limit = page.limit ?? 100;
      const shown = all.slice(0, limit);
      return { cases: shown.map((r) => clone(r.record)), ...(all.length > limit ? { cursor: shown.at(-1)!.listed.sort } : {}) };
    },
    allOfOffice: async (officeId, page = {}) => {
      const all = [...cases.values()]
        .filter((r) => r.listed.officeId === officeId && (!page.cursor || r.listed.sort < page.cursor))
        .sort((a, b) => (a.listed.sort < b.listed.sort ? 1 : -1));
      const limit = page.limit ?? 100;
      const shown = all.slice(0, limit);
      return { cases: shown.map((r) => clone(r.record)), ...(all.length > limit ? { cursor: shown.at(-1)!.listed.sort } : {}) };
    },
    openDueBy: async (officeId, horizon) =>
      [...cases.values()]
        .map((r) => r.record)
        .filter((c) => RUNNING.includes(c.status) && c.dueAt && c.dueAt <= horizon && (!officeId || c.officeId === officeId || c.handedTo === officeId))
        .sort((a, b) => a.dueAt!.localeCompare(b.dueAt!))
        .map(clone),
    inbox: async (officeId, kind, page = {}) => {
      const rows = [...inboxes.values()].filter((e) => e.officeId === officeId && e.kind === kind).map((e) => ({ key: `${e.sentAt}#${e.refId}`, value: e }));
      const r = pageOf(rows, page);
      return { entries: r.values, ...(r.cursor ? { cursor: r.cursor } : {}) };
    },
    inboxCounts: async (officeId) => {
      const counts = Object.fromEntries(INBOX_KINDS.map((k) => [k, 0])) as Record<InboxKind, number>;
      for (const e of inboxes.values()) if (e.officeId === officeId) counts[e.kind] += 1;
      return counts;
    },
    findCases: async (by, limit = 20) => {
      const ids =
        'applicantHash' in by
          ? [...cases.values()]
              .filter((r) => r.applicantHash === by.applicantHash)
              .sort((a, b) => (a.record.createdAt < b.record.createdAt ? 1 : -1))
              .map((r) => r.record.id)
          : [...(finds.get(by.findHash) ?? new Map<string, string>()).entries()].sort(([a], [b]) => (a < b ? 1 : -1)).map(([, id]) => id);
      return ids.slice(0, limit).flatMap((id) => (cases.has(id) ? [clone(cases.get(id)!.record)] : []));
    },
    commission: async (id) => {
      const c = commissions.get(id);
      return c ? clone(c) : undefined;
    },
    commissionsOfAgent: async (agentId, page = {}) => {
      const rows = [...commissions.values()]
        .filter((c) => c.commission.agentId === agentId)
        .map((c) => ({ key: `${c.commission.createdAt}#${c.commission.id}`, value: c.commission }));
      const r = pageOf(rows, page);
      return { commissions: r.values, ...(r.cursor ? { cursor: r.cursor } : {}) };
    },
    idempotency: async (key) => {
      const r = idempotency.get(key);
      return r ? { caseId: r.caseId, bodyHash: r.bodyHash } : undefined;
    },
    nextSequence: async (countyCode, day) => {
      const k = `${countyCode}#${day}`;
      const n = (sequences.get(k) ?? 0) + 1;
      sequences.set(k, n);
      return n;
    },
    hitPublicLookup: async (address, window) => {
      const k = `${address}#${window}`;
      const n = (rates.get(k) ?? 0) + 1;
      rates.set(k, n);
      return n;
    },
    takePublicGuess: async (number, day, limit) => {
      const k = `NUM#${number}#${day}`;
      const n = rates.get(k) ?? 0;
      if (n >= limit) return false;
      rates.set(k, n + 1);
      return true;
    },
    releasePublicGuess: async (number, day) => {
      const k = `NUM#${number}#${day}`;
      rates.set(k, (rates.get(k) ?? 1) - 1);
    },
    commit: async (writes, auditInputs) => {
      const touched = writes.flatMap(itemsOf);
      if (touched.length + auditInputs.length > 100) throw new Error('transaction too large (DynamoDB: at most 100 items)');
      if (new Set(touched).size !== touched.length) throw new Error('two operations on one item in a transaction (DynamoDB refuses it)');
      if (failing > 0) {
        failing -= 1;
        throw new ConflictError(CASE_CONFLICT.busy, '系统繁忙，请稍后重试');
      }
      // the priority of DynamoDB's adapter (conflictOf): a missing case, a stale version, a used key, a replayed hand-over, a recorded outbox entry
      const errors = writes.map(check).filter((e): e is Error => e !== undefined);
      const order = [
        'NOT_FOUND',
        CASE_CONFLICT.staleVersion,
        CASE_CONFLICT.keyTaken,
        CASE_CONFLICT.alreadyApplied,
        CASE_CONFLICT.outboxTaken,
        CASE_CONFLICT.busy,
      ];
      const first = errors.sort((a, b) => order.indexOf((a as ConflictError).code) - order.indexOf((b as ConflictError).code))[0];
      if (first) throw first;
      writes.forEach(apply);
      audits.push(...auditInputs.map(clone));
      commits += 1;
    },
  };
};
