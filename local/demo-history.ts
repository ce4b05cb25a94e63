import { bjDay, bjEndOfDay, bjStartOfDay } from '../shared/platform/beijing-time.ts';
import type { Item } from '../shared/catalog/item.ts';
import { addDays, addWorkdays, isWorkday, type Calendar } from '../shared/calendar/working-days.ts';
import { dueOf } from '../shared/cases/due.ts';
import type { Applicant, CaseRecord } from '../shared/cases/model.ts';
import type { TimelineEvent } from '../shared/cases/ports.ts';
import type { Alert } from '../shared/supervision/alert.ts';
import type { AccountabilityEntry, Order } from '../shared/supervision/order.ts';
import { orderSettlement, watchSettlement } from '../shared/supervision/overdue-scan.ts';
import type { SupervisionRules } from '../shared/supervision/rules.ts';
import type { Settlement, TimelineNote } from '../shared/supervision/ports.ts';
import { addInto, mergeTallies, monthly, type TallyRow } from '../shared/supervision/tallies.ts';
import { snapshotOf, type Watch } from '../shared/supervision/watch.ts';

/**
 * Three months of demo history for the demo county (演示数据), made in memory: cases taken in at
 * the township centers and the county center on working days, decided in time or late, some
 * 即办件 not the same day, a few withdrawn, the recent ones still open (some overdue, some in
 * 特别程序). The cards, alerts, counters and 督办 are made by the very functions the scan uses,
 * run "as if" at each instant a scan would have looked, so the dashboards and inboxes show what
 * the live system would have recorded.
 */
export interface HistoryInput {
  now: Date;
  countyCode: string;
  offices: ReadonlyArray<{ id: string; kind: string }>;
  items: readonly Item[];
  cal: Calendar;
  rules: SupervisionRules;
  applicant: Applicant;
  /** Cases per working day across the county. */
  perDay?: number;
  days?: number;
  seed?: number;
}

export interface History {
  cases: CaseRecord[];
  events: Array<{ caseId: string; version: number; event: TimelineEvent }>;
  watches: Watch[];
  alerts: Alert[];
  notes: TimelineNote[];
  orders: Order[];
  accountability: AccountabilityEntry[];
  tallies: TallyRow[];
  /** The cases context's day counters (K10): office (or `*`) and YYYY-MM-DD. */
  days: Map<string, Record<string, number>>;
}

const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const bj = (day: string, minutes: number): Date => new Date(Date.parse(bjStartOfDay(day)) + minutes * 60_000);
const LOOK_DELAY_MS = 10 * 60_000;
/** Alerts older than this are shown as already acknowledged. */
const ACK_AFTER_MS = 3 * 86_400_000;

/** The clerk a history case is put on: clerk.county at the center, else clerk.<office> (the demo township's is a real login). */
export const staffOf = (officeId: string, countyCode: string): string =>
  officeId === `${countyCode}-center` ? 'clerk.county' : `clerk.${officeId.slice(countyCode.length + 1)}`;

const uuidOf = (r: () => number): string => {
  const h = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export const demoHistory = (input: HistoryInput): History => {
  const random = rng(input.seed ?? 20261122);
  const { cal, rules, now } = input;
  const nowIso = now.toISOString();
  const today = bjDay(now);
  const centers = input.offices.filter((o) => o.kind === 'township' || o.kind === 'county_center').map((o) => o.id);
  const townshipItems = input.items.filter((i) => i.levels.includes('township'));
  const countyItems = input.items.filter((i) => i.levels.includes('county'));
  const out: History = { cases: [], events: [], watches: [], alerts: [], notes: [], orders: [], accountability: [], tallies: [], days: new Map() };
  const rows = new Map<string, TallyRow>();
  // the county's day counters only (what the digest reads); offices' are not shown anywhere yet
  const day = (_officeId: string, d: string, add: Record<string, number>) => {
    for (const k of [`*#${d}`]) {
      const m = out.days.get(k) ?? {};
      for (const [n, v] of Object.entries(add)) m[n] = (m[n] ?? 0) + v;
      out.days.set(k, m);
    }
  };
  const recent = now.getTime() - 14 * 86_400_000;
  const apply = (s: Settlement, keepNotes = true) => {
    for (const t of mergeTallies(s.tallies)) addInto(rows, t);
    // timeline lines for the cards of cases still open or closed lately (older ones: the alerts only)
    if (keepNotes) out.notes.push(...s.events);
    out.alerts.push(
      ...s.alerts.map((a) =>
        Date.parse(a.at) < now.getTime() - ACK_AFTER_MS
          ? {
              ...a,
              countyState: 'acked' as const,
              officeState: 'acked' as const,
              acks: { county: { by: 'supervisor', at: a.at }, office: { by: 'head', at: a.at } },
            }
          : a,
      ),
    );
  };

  let seq = new Map<string, number>();
  for (let d = addDays(today, -(input.days ?? 92)); d < today; d = addDays(d, 1)) {
    if (!isWorkday(d, cal)) continue;
    seq = new Map();
    const n = Math.round((input.perDay ?? 24) * (0.7 + random() * 0.6));
    for (let i = 0; i < n; i++) {
      const officeId = centers[Math.floor(random() ** 1.6 * centers.length)]!;
      const pool = officeId.endsWith('-center') ? countyItems : townshipItems;
      const item = pool[Math.floor(random() * pool.length)]!;
      const staff = staffOf(officeId, input.countyCode);
      const acceptedAt = bj(d, 8 * 60 + 40 + Math.floor(random() * 420));
      const number = `${input.countyCode}-${d.replaceAll('-', '')}-${String((seq.get(d) ?? 0) + 1).padStart(4, '0')}`;
      seq.set(d, (seq.get(d) ?? 0) + 1);
      const due = dueOf(item, d, cal);
      const immediate = item.kind === 'immediate';
      const promised = immediate ? 0 : (item.promisedDays ?? 0);
      const base: CaseRecord = {
        id: uuidOf(random),
        number,
        countyCode: input.countyCode,
        officeId,
        itemCode: item.code,
        itemVersion: 1,
        itemName: item.name,
        kind: item.kind,
        promisedDays: promised,
        statutoryDays: item.statutoryDays ?? 0,
        applicant: input.applicant,
        materialsReceived: item.materials.filter((m) => m.required).map((m) => m.name),
        missingMaterials: [],
        status: 'accepted',
        createdAt: acceptedAt.toISOString(),
        acceptedAt: acceptedAt.toISOString(),
        acceptedOn: d,
        ...due,
        suspensions: [],
        createdBy: staff,
        version: 1,
      };
      const events: TimelineEvent[] = [{ at: base.acceptedAt!, type: 'accepted', by: staff, note: '演示数据' }];
      day(officeId, d, { taken: 1 });

      // what happens to it
      const r = random();
      let closeAt: Date | undefined;
      let final: CaseRecord = base;
      const at = (dd: string) => bj(dd, 9 * 60 + Math.floor(random() * 480));
      if (r < 0.02) {
        closeAt = at(addWorkdays(d, 1 + Math.floor(random() * 2), cal).dueDate);
        final = { ...base, status: 'withdrawn', withdrawal: { reason: '申请人撤回申请（演示）', at: closeAt.toISOString() } };
      } else if (immediate) {
        const q = random();
        closeAt =
          q < 0.92
            ? new Date(Math.min(acceptedAt.getTime() + (10 + Math.floor(random() * 90)) * 60_000, bj(d, 17 * 60 + 30).getTime()))
            : q < 0.98
              ? at(addWorkdays(d, 1, cal).dueDate)
              : undefined;
      } else {
        const late = random() < 0.08;
        const wd = late ? promised + 1 + Math.floor(random() * 3) : 1 + Math.floor(random() * Math.max(1, promised));
        closeAt = at(addWorkdays(d, wd, cal).dueDate);
      }
      if (closeAt && closeAt.getTime() >= now.getTime()) closeAt = undefined;
      if (closeAt && final.status !== 'withdrawn') {
        const onTime = closeAt.toISOString() <= base.dueAt!;
        const refused = random() < 0.04;
        const decidedDay = bjDay(closeAt);
        final = {
          ...base,
          status: 'decided',
          decision: {
            result: refused ? 'refused' : 'approved',
            ...(refused ? { reason: '申请材料不符合法定条件（演示）' } : {}),
            at: closeAt.toISOString(),
            onTime,
            by: staff,
          },
          ...(immediate && decidedDay !== d ? { immediateLate: true } : {}),
        };
        day(officeId, decidedDay, {
          ...(onTime ? { decidedOnTime: 1 } : { decidedLate: 1 }),
          ...(immediate && decidedDay === d ? { immediateSameDay: 1 } : {}),
        });
      }
      // a few open promised cases are in 特别程序 since two working days ago
      let suspendAt: Date | undefined;
      if (!closeAt && !immediate && random() < 0.06) {
        const from = addWorkdays(addDays(today, -5), 2, cal).dueDate;
        if (from > d) {
          suspendAt = bj(from, 10 * 60);
          final = {
            ...base,
            status: 'suspended',
            suspensions: [{ procedure: '现场勘查', from, expectedDays: 2 + Math.floor(random() * 2), notice: '需现场勘查（演示）' }],
          };
        }
      } else if (!closeAt && random() < 0.5) final = { ...base, status: 'in_progress' };
      if (final.status === 'suspended') events.push({ at: suspendAt!.toISOString(), type: 'suspended', by: staff, note: '现场勘查（演示）' });
      if (final.decision)
        events.push({ at: final.decision.at, type: final.decision.result, by: staff, ...(final.decision.reason ? { note: final.decision.reason } : {}) });
      if (final.withdrawal) events.push({ at: final.withdrawal.at, type: 'withdrawn', by: staff, note: final.withdrawal.reason });
      if (final.status === 'decided' && random() < 0.6) {
        const deliveredAt = new Date(Date.parse(final.decision!.at) + 86_400_000);
        if (deliveredAt < now) {
          final = { ...final, status: 'delivered', delivery: { method: 'pickup', signedBy: '申请人本人', at: deliveredAt.toISOString() } };
        }
      }
      final = { ...final, version: events.length };
      out.cases.push(final);
      events.forEach((e, i) => out.events.push({ caseId: base.id, version: i + 1, event: e }));

      // the scan's looks, as they would have happened: after each change and at each card's instant
      const phases: Array<{ snap: CaseRecord; from: number; to: number }> = [];
      const runningUntil = closeAt?.getTime() ?? suspendAt?.getTime() ?? now.getTime();
      phases.push({ snap: { ...base, status: 'in_progress' }, from: acceptedAt.getTime(), to: runningUntil });
      if (closeAt || suspendAt) phases.push({ snap: final, from: runningUntil, to: now.getTime() });
      let w: Watch = { caseId: base.id, case: snapshotOf(base), caseVersion: 1, rev: 0, given: {}, counted: {}, level: 'none' };
      for (const ph of phases) {
        w = { ...w, case: snapshotOf(ph.snap) };
        let look = ph.from + LOOK_DELAY_MS;
        while (look < ph.to && look < now.getTime()) {
          const s = watchSettlement(w, rules, cal, new Date(look).toISOString());
          apply(s, !closeAt || closeAt.getTime() > recent);
          w = {
            ...w,
            given: s.watch!.given,
            counted: s.watch!.counted,
            level: s.watch!.level,
            rev: w.rev + 1,
            ...(s.watch!.lookAt ? { lookAt: s.watch!.lookAt } : {}),
          };
          if (!s.watch!.lookAt) {
            delete w.lookAt;
            break;
          }
          look = Date.parse(s.watch!.lookAt) + LOOK_DELAY_MS;
        }
        // a change within the last look's delay is looked at now, as the next scan would
        if (ph.from < now.getTime() && ph.from + LOOK_DELAY_MS >= now.getTime()) w.lookAt = nowIso;
      }
      if (final.status === 'accepted' || final.status === 'in_progress' || final.status === 'suspended')
        out.watches.push({ ...w, case: snapshotOf(final), caseVersion: final.version });
    }
  }

  // 督办 on a dozen overdue cases: some answered in time, some missed (the second red card, 问责)
  const overdue = out.watches
    .filter((w) => w.level === 'red' && w.case.dueAt)
    .sort((a, b) => a.case.dueAt!.localeCompare(b.case.dueAt!))
    .slice(0, 12);
  overdue.forEach((w, i) => {
    const c = w.case;
    const issueDay = addWorkdays(bjDay(new Date(Date.parse(c.dueAt!) + 1)), 1, cal).dueDate;
    const issuedAt = bj(issueDay, 9 * 60 + 30);
    if (issuedAt >= now) return;
    const deadlineDate = addWorkdays(issueDay, 2, cal).dueDate;
    const o: Order = {
      id: uuidOf(random),
      caseId: c.id,
      caseNumber: c.number,
      itemCode: c.itemCode,
      itemName: c.itemName,
      caseStaff: c.createdBy,
      officeId: c.handedTo ?? c.officeId,
      requirement: '请说明超期原因，尽快办结并书面反馈（演示）',
      deadlineWorkdays: 2,
      deadlineDate,
      deadlineAt: bjEndOfDay(deadlineDate),
      issuedBy: 'supervisor',
      issuedAt: issuedAt.toISOString(),
      state: 'open',
      rev: 1,
    };
    const who = { officeId: o.officeId, itemCode: o.itemCode, staff: o.caseStaff, caseId: o.caseId };
    for (const t of monthly(issuedAt, who, { orders: 1 })) addInto(rows, t);
    out.notes.push({
      caseId: c.id,
      at: o.issuedAt,
      key: o.id,
      type: 'supervision_order',
      by: 'supervisor',
      note: `督办：${o.requirement}（${deadlineDate} 前反馈）`,
    });
    let order = o;
    const answerAt = bj(addWorkdays(issueDay, 1, cal).dueDate, 15 * 60);
    const missedAt = new Date(Date.parse(o.deadlineAt) + LOOK_DELAY_MS);
    if (i % 3 === 0 && answerAt < now) {
      order = {
        ...o,
        state: 'answered',
        response: { text: '已核实原因，正在加快办理（演示）', by: `head.${c.officeId.slice(input.countyCode.length + 1)}`, at: answerAt.toISOString() },
        rev: 2,
      };
      for (const t of monthly(answerAt, who, { ordersAnswered: 1 })) addInto(rows, t);
      out.notes.push({
        caseId: c.id,
        at: answerAt.toISOString(),
        key: `${o.id}-response`,
        type: 'order_response',
        by: order.response!.by,
        note: `督办反馈：${order.response!.text}`,
      });
    } else if (missedAt < now) {
      const s = orderSettlement(o, missedAt.toISOString());
      apply(s);
      order = { ...s.order!.next, rev: 2 };
      out.accountability.push(s.accountability!);
    }
    out.orders.push(order);
  });
  out.tallies = [...rows.values()];
  return out;
};
