import type { Calendar } from '../calendar/working-days.ts';
import type { Clock } from '../platform/clock.ts';
import { logger } from '../log/logger.ts';
import { alertId, CARD_LABELS, type Alert } from './alert.ts';
import type { AlertQueue } from './ports.ts';
import type { Order } from './order.ts';
import type { SupervisionRules } from './rules.ts';
import type { OutboxStore, ScanStore, Settlement } from './ports.ts';
import { gauge, mergeTallies, monthly, type TallyAdd } from './tallies.ts';
import { evaluate, type Transition } from './triggers.ts';
import { countsOf } from './counts.ts';
import type { Level, Watch } from './watch.ts';

/**
 * 电子监察, every 15 minutes: looks at the watches and 督办单 due for a look — and nothing else, so
 * its reads grow neither with open cases nor with cards already given — gives each card due once
 * (the card, its alert, its outbox entry, the timeline line and the counters in one transaction),
 * then hands the outbox to the delivery queue. A queue outage leaves the outbox for the next run:
 * an alert is delayed, never lost.
 */
export interface ScanPorts {
  store: ScanStore & OutboxStore;
  queue: AlertQueue;
  calendar: () => Promise<{ cal: Calendar }>;
  clock: Clock;
}

export interface ScanResult {
  /** Watches and orders read. */
  looked: number;
  yellow: number;
  red: number;
  secondRed: number;
  /** Settlements refused because the case (or order) moved on meanwhile: looked at again next run. */
  moved: number;
  /** Outbox entries handed to the delivery queue, and those still waiting (queue down). */
  relayed: number;
  waiting: number;
  consumedRcu: number;
}

/** Who the timeline names as the actor of a card. */
export const SYSTEM_ACTOR = '电子监察';
const OUTBOX_BATCH = 100;
/** How long a relay holds what it claimed from the outbox (a relay that died lets go after it). */
const LEASE_MS = 300_000;

const newAlert = (
  w: { caseId: string; number: string; itemName: string; officeId: string; handedTo?: string },
  t: Pick<Transition, 'key' | 'card' | 'trigger' | 'reason'>,
  now: string,
  orderId?: string,
): Alert => ({
  id: alertId(w.caseId, t.key),
  card: t.card,
  trigger: t.trigger,
  key: t.key,
  caseId: w.caseId,
  caseNumber: w.number,
  itemName: w.itemName,
  officeId: w.officeId,
  ...(w.handedTo ? { handledBy: w.handedTo } : {}),
  reason: t.reason,
  at: now,
  countyState: 'unread',
  officeState: 'unread',
  acks: {},
  deliveries: {},
  ...(orderId ? { orderId } : {}),
});

const gaugeChange = (officeId: string, caseId: string, from: Level, to: Level): TallyAdd[] => {
  const add = { dueSoon: Number(to === 'yellow') - Number(from === 'yellow'), overdue: Number(to === 'red') - Number(from === 'red') };
  const moved = Object.fromEntries(Object.entries(add).filter(([, n]) => n !== 0));
  return Object.keys(moved).length ? [gauge(officeId, caseId, moved)] : [];
};

/** What one look at a watch commits. */
export const watchSettlement = (w: Watch, rules: SupervisionRules, cal: Calendar, now: string): Settlement => {
  const c = w.case;
  const ev = evaluate(c, w.given, rules, cal, now);
  const given = { ...w.given, ...Object.fromEntries([...ev.due.map((t) => t.key), ...ev.skipped].map((k) => [k, now])) };
  // a phase card is the late office's (its inbox, its counters); every other card the owning office's
  const officeOf = (t: Transition) => (t.trigger === 'phase' ? t.officeId : c.officeId);
  const alerts = ev.due.map((t) =>
    newAlert({ caseId: c.id, number: c.number, itemName: c.itemName, officeId: officeOf(t), ...(c.handedTo ? { handedTo: c.handedTo } : {}) }, t, now),
  );
  const who = { officeId: c.officeId, itemCode: c.itemCode, staff: c.createdBy, caseId: c.id };
  const counts = countsOf(c, w.counted, cal);
  return {
    watch: {
      caseId: w.caseId,
      expect: { caseVersion: w.caseVersion, rev: w.rev },
      given,
      counted: counts.counted,
      level: ev.level,
      ...(ev.nextAt ? { lookAt: ev.nextAt } : {}),
    },
    alerts,
    events: alerts.map((a) => ({
      caseId: a.caseId,
      at: now,
      key: a.id,
      type: a.card === 'red' ? 'red_card' : 'yellow_card',
      by: SYSTEM_ACTOR,
      note: `${CARD_LABELS[a.card]}：${a.reason}`,
    })),
    tallies: mergeTallies([
      ...counts.tallies,
      ...alerts.flatMap((a) => monthly(now, { ...who, officeId: a.officeId }, { [a.card]: 1 })),
      ...gaugeChange(c.officeId, c.id, w.level, ev.level),
    ]),
    audits: [],
  };
};

/** A 督办单 past its deadline unanswered: the second red card, and the case on the accountability list. */
export const orderSettlement = (o: Order, now: string): Settlement => {
  const reason = `督办逾期未反馈（反馈期限 ${o.deadlineDate}）：第二张红牌，已列入问责名单`;
  const alert = newAlert(
    { caseId: o.caseId, number: o.caseNumber, itemName: o.itemName, officeId: o.officeId },
    { key: `order:${o.id}`, card: 'red', trigger: 'order', reason },
    now,
    o.id,
  );
  return {
    order: { expectRev: o.rev, next: { ...o, state: o.state === 'open' ? 'overdue' : o.state, secondRedAt: now } },
    alerts: [alert],
    events: [{ caseId: o.caseId, at: now, key: alert.id, type: 'second_red_card', by: SYSTEM_ACTOR, note: `第二张红牌：${reason}` }],
    tallies: monthly(now, { officeId: o.officeId, itemCode: o.itemCode, staff: o.caseStaff, caseId: o.caseId }, { secondRed: 1 }),
    accountability: { orderId: o.id, caseId: o.caseId, caseNumber: o.caseNumber, itemName: o.itemName, officeId: o.officeId, reason, at: now },
    audits: [],
  };
};

/** Hands what waits in the outbox to the delivery queue; an outage leaves it for the next run. */
export const relayOutbox = async (ports: { store: OutboxStore; queue: AlertQueue; clock: Clock }): Promise<{ relayed: number; waiting: number }> => {
  let relayed = 0;
  for (;;) {
    const now = ports.clock();
    const refs = await ports.store.claimOutbox(OUTBOX_BATCH, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString());
    if (!refs.length) return { relayed, waiting: 0 };
    try {
      await ports.queue.send(refs);
    } catch (e) {
      logger.warn('delivery queue unavailable: alerts wait in the outbox', { waiting: refs.length, error: e as Error });
      return { relayed, waiting: refs.length };
    }
    await ports.store.clearOutbox(refs);
    relayed += refs.length;
    if (refs.length < OUTBOX_BATCH) return { relayed, waiting: 0 };
  }
};

export const scanOverdue = async (ports: ScanPorts, rules: SupervisionRules): Promise<ScanResult> => {
  const now = ports.clock().toISOString();
  const { cal } = await ports.calendar();
  const { watches, orders, consumedRcu } = await ports.store.dueForLook(now);
  const r: ScanResult = { looked: watches.length + orders.length, yellow: 0, red: 0, secondRed: 0, moved: 0, relayed: 0, waiting: 0, consumedRcu };
  const settlements = [...watches.map((w) => watchSettlement(w, rules, cal, now)), ...orders.map((o) => orderSettlement(o, now))];
  for (const s of settlements) {
    if (!(await ports.store.settle(s))) {
      r.moved++;
      continue;
    }
    for (const a of s.alerts) {
      if (a.trigger === 'order') r.secondRed++;
      else r[a.card]++;
    }
  }
  return { ...r, ...(await relayOutbox(ports)) };
};
