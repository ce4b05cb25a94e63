import type { AuditInput } from '../audit/audit.ts';
import { outboxRefId, type Alert, type OutboxRef } from './alert.ts';
import { awaitsSecondRed, type AccountabilityEntry, type Order } from './order.ts';
import type { DayFigures, Digest, DueCase, SupervisionStore, TimelineNote } from './ports.ts';
import { addInto, type TallyRow } from './tallies.ts';
import type { Watch } from './watch.ts';

/**
 * SupervisionStore in memory for unit tests, with the DynamoDB adapter's conditions: a settlement
 * applies only to the watch (case version + revision) or order (revision) it read, all or nothing;
 * an alert, a timeline line or a digest is never written twice. Watches and counters can be shared
 * with a memory case store, so the cases' follow-up writes and the scan meet as they do in DynamoDB.
 */
export interface MemorySupervisionStore extends SupervisionStore {
  readonly watches: Map<string, Watch>;
  readonly tallyRows: Map<string, TallyRow>;
  readonly timeline: TimelineNote[];
  readonly audits: AuditInput[];
  /** Watches read by the scan so far (the test of "reads only what is due"). */
  readonly looked: number;
  setDay(day: string, figures: Partial<DayFigures>): void;
  /** Everything in the outbox, claimed or not (tests). */
  pendingOutbox(): OutboxRef[];
  /** Puts a watch as it stands (test set-up), as the cases context would have written it. */
  putWatch(w: Watch): void;
}

const ZERO: DayFigures = { taken: 0, decidedOnTime: 0, decidedLate: 0, immediateSameDay: 0 };
const clone = <T>(v: T): T => structuredClone(v);
const newestFirst = <T extends { at: string; id: string }>(a: T, b: T) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at));
const running = (s: string) => s === 'accepted' || s === 'in_progress';

export const memorySupervisionStore = (shared: { watches?: Map<string, Watch>; tallies?: Map<string, TallyRow> } = {}): MemorySupervisionStore => {
  const watches = shared.watches ?? new Map<string, Watch>();
  const tallyRows = shared.tallies ?? new Map<string, TallyRow>();
  const alerts = new Map<string, Alert>();
  const orders = new Map<string, Order>();
  const accountability = new Map<string, AccountabilityEntry>();
  const outbox = new Map<string, { ref: OutboxRef; leasedUntil?: string }>();
  const digests = new Map<string, Digest>();
  const days = new Map<string, DayFigures>();
  const timeline: TimelineNote[] = [];
  const audits: AuditInput[] = [];
  let looked = 0;
  const noteKey = (n: TimelineNote) => `${n.caseId}#${n.at}#${n.key}`;

  const extras = (x: { events: TimelineNote[]; tallies: Parameters<typeof addInto>[1][]; audits: AuditInput[] }) => {
    timeline.push(...x.events.map(clone));
    for (const t of x.tallies) addInto(tallyRows, t);
    audits.push(...x.audits.map(clone));
  };

  return {
    watches,
    tallyRows,
    timeline,
    audits,
    get looked() {
      return looked;
    },
    setDay: (day, f) => void days.set(day, { ...ZERO, ...f }),
    putWatch: (w) => void watches.set(w.caseId, clone(w)),

    dueForLook: async (now) => {
      const ws = [...watches.values()].filter((w) => w.lookAt !== undefined && w.lookAt <= now);
      const os = [...orders.values()].filter((o) => awaitsSecondRed(o) && o.deadlineAt < now);
      looked += ws.length + os.length;
      return { watches: ws.map(clone), orders: os.map(clone), consumedRcu: 0 };
    },
    settle: async (s) => {
      const counters = s.tallies.map((t) => `${t.period}#${t.dim}#${t.key}#${t.shard}`);
      if (new Set(counters).size !== counters.length) throw new Error('two operations on one item in a transaction (DynamoDB refuses it)');
      if (s.watch) {
        const w = watches.get(s.watch.caseId);
        if (!w || w.caseVersion !== s.watch.expect.caseVersion || w.rev !== s.watch.expect.rev) return false;
      }
      if (s.order && orders.get(s.order.next.id)?.rev !== s.order.expectRev) return false;
      if (s.alerts.some((a) => alerts.has(a.id))) return false;
      if (s.events.some((e) => timeline.some((t) => noteKey(t) === noteKey(e)))) return false;
      if (s.watch) {
        const w = watches.get(s.watch.caseId)!;
        const { lookAt: _old, ...rest } = w;
        watches.set(w.caseId, {
          ...rest,
          given: clone(s.watch.given),
          counted: clone(s.watch.counted),
          level: s.watch.level,
          rev: w.rev + 1,
          ...(s.watch.lookAt ? { lookAt: s.watch.lookAt } : {}),
        });
      }
      if (s.order) orders.set(s.order.next.id, { ...clone(s.order.next), rev: s.order.expectRev + 1 });
      for (const a of s.alerts) {
        alerts.set(a.id, clone(a));
        outbox.set(outboxRefId({ type: 'alert', id: a.id }), { ref: { type: 'alert', id: a.id } });
      }
      if (s.accountability) accountability.set(s.accountability.orderId, clone(s.accountability));
      extras(s);
      return true;
    },

    claimOutbox: async (limit, now, until) => {
      const free = [...outbox.values()].filter((e) => !e.leasedUntil || e.leasedUntil <= now).slice(0, limit);
      for (const e of free) e.leasedUntil = until;
      return free.map((e) => clone(e.ref));
    },
    pendingOutbox: () => [...outbox.values()].map((e) => clone(e.ref)),
    clearOutbox: async (refs) => {
      for (const r of refs) outbox.delete(outboxRefId(r));
    },

    alerts: async (q) => {
      const all = [...alerts.values()]
        .filter((a) => (q.side === 'office' ? a.officeId === q.officeId : !q.officeId || a.officeId === q.officeId))
        .filter((a) => !q.state || (q.side === 'county' ? a.countyState : a.officeState) === q.state)
        .filter((a) => (!q.card || a.card === q.card) && (!q.caseId || a.caseId === q.caseId))
        .sort(newestFirst);
      const from = q.cursor ? Number(q.cursor) : 0;
      const page = all.slice(from, from + q.limit);
      return { alerts: page.map(clone), ...(from + q.limit < all.length ? { next: String(from + q.limit) } : {}) };
    },
    alert: async (id) => clone(alerts.get(id)),
    ackAlert: async (id, side, ack, audit) => {
      const a = alerts.get(id);
      if (!a) return false;
      const field = side === 'county' ? 'countyState' : 'officeState';
      if (a[field] === 'acked') return false;
      a[field] = 'acked';
      a.acks = { ...a.acks, [side]: ack };
      audits.push(clone(audit));
      return true;
    },
    unreadCount: async (side, officeId, cap) =>
      Math.min(
        cap,
        [...alerts.values()].filter((a) =>
          side === 'county' ? a.countyState === 'unread' && (!officeId || a.officeId === officeId) : a.officeState === 'unread' && a.officeId === officeId,
        ).length,
      ),
    markDelivered: async (ref, channel, at) => {
      const rec = ref.type === 'alert' ? alerts.get(ref.id) : digests.get(`${ref.audience}#${ref.day}`);
      if (rec) rec.deliveries[channel] ??= at;
    },

    issueOrder: async (o, x) => {
      if (orders.has(o.id)) throw new Error('order exists');
      orders.set(o.id, clone(o));
      extras(x);
    },
    updateOrder: async (next, expectRev, x) => {
      if (orders.get(next.id)?.rev !== expectRev) return false;
      orders.set(next.id, { ...clone(next), rev: expectRev + 1 });
      extras(x);
      return true;
    },
    order: async (id) => clone(orders.get(id)),
    orders: async (q) =>
      [...orders.values()]
        .filter((o) => (!q.officeId || o.officeId === q.officeId) && (!q.state || o.state === q.state) && (!q.caseId || o.caseId === q.caseId))
        .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt))
        .map(clone),
    accountability: async (officeId) =>
      [...accountability.values()]
        .filter((e) => !officeId || e.officeId === officeId)
        .sort((a, b) => b.at.localeCompare(a.at))
        .map(clone),

    tallies: async (period) => [...tallyRows.values()].filter((r) => r.period === period).map(clone),
    countyDay: async (day) => ({ ...(days.get(day) ?? ZERO) }),
    openDue: async (from, to) =>
      [...watches.values()]
        .map((w) => w.case)
        .filter((c) => running(c.status) && c.dueAt && c.dueAt > from && c.dueAt <= to)
        .sort((a, b) => a.dueAt!.localeCompare(b.dueAt!))
        .map((c): DueCase => ({
          id: c.id,
          number: c.number,
          itemName: c.itemName,
          officeId: c.officeId,
          ...(c.handedTo ? { handedTo: c.handedTo } : {}),
          dueAt: c.dueAt!,
        })),
    saveDigest: async (d, deliver) => {
      const k = `${d.audience}#${d.day}`;
      if (digests.has(k)) return false;
      digests.set(k, clone(d));
      if (deliver) outbox.set(outboxRefId({ type: 'digest', audience: d.audience, day: d.day }), { ref: { type: 'digest', audience: d.audience, day: d.day } });
      return true;
    },
    digest: async (audience, day) => clone(digests.get(`${audience}#${day}`)),
  };
};
