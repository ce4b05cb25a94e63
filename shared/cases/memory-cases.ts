import type { AuditInput } from '../audit/audit.ts';
import { ConflictError, NotFoundError } from '../errors/domain-errors.ts';
import { RUNNING, type CaseRecord } from './model.ts';
import { CASE_CONFLICT, staleVersion, type CaseStore, type CaseWrite, type CounterAdd, type IdempotencyRecord, type TimelineEvent } from './store.ts';

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
  /** The daily counters of an office (or COUNTY_TOTAL) on a China date YYYY-MM-DD. */
  counters(officeId: string, day: string): CounterAdd;
  /** The next `n` commits fail as if another transaction held an item (to test retries). */
  failNextCommits(n: number): void;
  /** Puts a case as it stands, bypassing the use cases (test set-up). */
  seed(c: CaseRecord, applicantHash?: string): void;
}

interface Row {
  record: CaseRecord;
  applicantHash?: string;
  /** gsi2 as of the last full write: office, status and sort key. */
  listed: { officeId: string; status: string; sort: string };
}

const clone = <T>(v: T): T => structuredClone(v);
const listedOf = (c: CaseRecord): Row['listed'] => ({ officeId: c.handedTo ?? c.officeId, status: c.status, sort: `${c.acceptedAt ?? c.createdAt}#${c.id}` });

export const memoryCaseStore = (): MemoryCaseStore => {
  const cases = new Map<string, Row>();
  const events = new Map<string, Map<string, TimelineEvent>>();
  const idempotency = new Map<string, IdempotencyRecord & { expiresAt: Date }>();
  const sequences = new Map<string, number>();
  const counters = new Map<string, CounterAdd>();
  const rates = new Map<string, number>();
  const audits: AuditInput[] = [];
  let commits = 0;
  let failing = 0;

  const eventKey = (w: Extract<CaseWrite, { op: 'event' }>) => `EVENT#${w.event.at}#${String(w.version).padStart(4, '0')}`;
  const forwardKey = (h: Extract<CaseWrite, { op: 'forward' }>['handOver']) => `EVENT#${h.forwardedAt}#forward#${h.forwardId}`;

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
      case 'forward':
        return [`CASE#${w.handOver.caseId}`, `CASE#${w.handOver.caseId}/${forwardKey(w.handOver)}`];
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
        return undefined;
      case 'forward':
        if (!cases.has(w.handOver.caseId)) return new NotFoundError('办件不存在');
        return events.get(w.handOver.caseId)?.has(forwardKey(w.handOver)) ? new ConflictError(CASE_CONFLICT.alreadyApplied, '该转报已处理') : undefined;
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
      case 'forward': {
        const h = w.handOver;
        const row = cases.get(h.caseId)!;
        // like the DynamoDB Update: the record changes, the office listing (gsi2) does not
        row.record = { ...row.record, handedTo: h.toOfficeId, handedAt: h.forwardedAt, version: row.record.version + 1 };
        // the stored item has no `by` (events() reads at/type/by/note)
        addEvent(h.caseId, forwardKey(h), { at: h.forwardedAt, type: 'forwarded' } as TimelineEvent);
        return;
      }
    }
  };

  return {
    audits,
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
        .map(([, e]) => ({ at: e.at, type: e.type, by: e.by, ...(e.byName ? { byName: e.byName } : {}), ...(e.note ? { note: e.note } : {}) })),
    ofOffice: async (officeId, status, page = {}) => {
      const all = [...cases.values()]
        .filter((r) => r.listed.officeId === officeId && r.listed.status === status && (!page.cursor || r.listed.sort < page.cursor))
        .sort((a, b) => (a.listed.sort < b.listed.sort ? 1 : -1));
      const limit = page.limit ?? 100;
      const shown = all.slice(0, limit);
      return { cases: shown.map((r) => clone(r.record)), ...(all.length > limit ? { cursor: shown.at(-1)!.listed.sort } : {}) };
    },
    openDueBy: async (officeId, horizon) =>
      [...cases.values()]
        .map((r) => r.record)
        .filter((c) => RUNNING.includes(c.status) && c.dueAt && c.dueAt <= horizon && (c.officeId === officeId || c.handedTo === officeId))
        .sort((a, b) => a.dueAt!.localeCompare(b.dueAt!))
        .map(clone),
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
    // one counter per number and day, as in DynamoDB (K9c)
    publicMisses: async (number, day) => rates.get(`NUM#${number}#${day}`) ?? 0,
    addPublicMiss: async (number, day) => {
      const k = `NUM#${number}#${day}`;
      const n = (rates.get(k) ?? 0) + 1;
      rates.set(k, n);
      return n;
    },
    commit: async (writes, auditInputs) => {
      const touched = writes.flatMap(itemsOf);
      if (touched.length + auditInputs.length > 100) throw new Error('transaction too large (DynamoDB: at most 100 items)');
      if (new Set(touched).size !== touched.length) throw new Error('two operations on one item in a transaction (DynamoDB refuses it)');
      if (failing > 0) {
        failing -= 1;
        throw new ConflictError(CASE_CONFLICT.busy, '系统繁忙，请稍后重试');
      }
      // the priority of DynamoDB's adapter: a missing case, a stale version, a used key, a replayed hand-over
      const errors = writes.map(check).filter((e): e is Error => e !== undefined);
      const order = ['NOT_FOUND', CASE_CONFLICT.staleVersion, CASE_CONFLICT.keyTaken, CASE_CONFLICT.alreadyApplied, CASE_CONFLICT.busy];
      const first = errors.sort((a, b) => order.indexOf((a as ConflictError).code) - order.indexOf((b as ConflictError).code))[0];
      if (first) throw first;
      writes.forEach(apply);
      audits.push(...auditInputs.map(clone));
      commits += 1;
    },
  };
};
