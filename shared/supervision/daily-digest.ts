import { bjDay, bjEndOfDay } from '../platform/beijing-time.ts';
import { addDays } from '../calendar/working-days.ts';
import type { Clock } from '../platform/clock.ts';
import type { AlertQueue } from './ports.ts';
import { relayOutbox } from './overdue-scan.ts';
import type { Digest, DueCase, FigureStore, OrderStore, OutboxStore } from './ports.ts';

/**
 * 08:30 Beijing: what needs attention today — cases due today, cases overdue, 督办单 awaiting an
 * answer. One digest for the county (to the supervisors: e-mail and webhooks through the delivery
 * queue, with yesterday's figures) and one per office concerned (its center head reads it in the
 * inbox). Reads the open-by-due index up to now and end of today (O(due cases)), never all cases.
 * Once per day and audience: a re-run stores and sends nothing again.
 */
export interface DigestPorts {
  store: Pick<FigureStore, 'openDue' | 'saveDigest' | 'countyDay'> & Pick<OrderStore, 'orders'> & OutboxStore;
  queue: AlertQueue;
  clock: Clock;
}

export const COUNTY_AUDIENCE = 'county';

export interface DigestResult {
  day: string;
  dueToday: number;
  overdue: number;
  openOrders: number;
  /** Offices that got a digest of their own. */
  offices: number;
  /** False when today's digest had already been made. */
  made: boolean;
}

const concerns = (officeId: string) => (c: Pick<DueCase, 'officeId' | 'handedTo'>) => c.officeId === officeId || c.handedTo === officeId;

export const dailyDigest = async (ports: DigestPorts): Promise<DigestResult> => {
  const now = ports.clock();
  const at = now.toISOString();
  const day = bjDay(now);
  const [overdue, dueToday, orders, yesterday] = await Promise.all([
    ports.store.openDue('', at),
    ports.store.openDue(at, bjEndOfDay(day)),
    ports.store.orders({ state: 'open' }),
    ports.store.countyDay(addDays(day, -1)),
  ]);
  const openOrders = orders.map((o) => ({ id: o.id, caseNumber: o.caseNumber, officeId: o.officeId, deadlineDate: o.deadlineDate }));
  const county: Digest = { audience: COUNTY_AUDIENCE, day, at, dueToday, overdue, openOrders, yesterday, deliveries: {} };
  const made = await ports.store.saveDigest(county, true);
  const offices = [
    ...new Set([...dueToday, ...overdue].flatMap((c) => [c.officeId, ...(c.handedTo ? [c.handedTo] : [])]).concat(openOrders.map((o) => o.officeId))),
  ];
  for (const officeId of offices) {
    await ports.store.saveDigest(
      {
        audience: officeId,
        day,
        at,
        dueToday: dueToday.filter(concerns(officeId)),
        overdue: overdue.filter(concerns(officeId)),
        openOrders: openOrders.filter((o) => o.officeId === officeId),
        deliveries: {},
      },
      false,
    );
  }
  await relayOutbox(ports);
  return { day, dueToday: dueToday.length, overdue: overdue.length, openOrders: openOrders.length, offices: offices.length, made };
};
