import { addWorkdays, chinaDate, endOfChinaDay, type Calendar } from '../calendar/working-days.ts';
import type { Clock } from '../platform/clock.ts';
import type { Notice, Notifier } from './notifier.ts';
import type { Card, OpenCase, SupervisionStore } from './store.ts';

/**
 * 电子监察: open promised cases due within the yellow-card horizon get a yellow card, overdue ones
 * a red card — each at most once (the store's conditional mark), then published to the
 * supervisors. Reads only the open-by-due index up to the horizon: O(due cases), never O(all).
 */
export interface ScanPorts {
  store: SupervisionStore;
  notifier: Notifier;
  calendar: () => Promise<{ cal: Calendar }>;
  clock: Clock;
}

export interface ScanSettings {
  /** A yellow card this many working days before the due day (the county's `yellowCardWorkdays`). */
  yellowCardWorkdays: number;
}

/** The county's thresholds as the stack hands them to the function (YELLOW_CARD_WORKDAYS). */
export const scanSettingsFrom = (env: Readonly<Record<string, string | undefined>>): ScanSettings => {
  const raw = env.YELLOW_CARD_WORKDAYS;
  const yellowCardWorkdays = raw === undefined || raw === '' ? 2 : Number(raw);
  if (!Number.isInteger(yellowCardWorkdays) || yellowCardWorkdays < 0 || yellowCardWorkdays > 10)
    throw new Error(`YELLOW_CARD_WORKDAYS must be a whole number of working days, 0 to 10 (got "${raw}")`);
  return { yellowCardWorkdays };
};

export interface ScanResult {
  read: number;
  yellow: number;
  red: number;
  consumedRcu: number;
}

/** The notice of a card: number, item, office and dates only — no personal data. */
export const cardNotice = (card: Card, c: OpenCase): Notice => ({
  subject: card === 'red' ? '红牌：办件已超期' : '黄牌：办件即将到期',
  message: JSON.stringify({ card, caseId: c.id, number: c.number, itemName: c.itemName, officeId: c.officeId, dueAt: c.dueAt }),
});

export const scanOverdue = async (ports: ScanPorts, settings: ScanSettings): Promise<ScanResult> => {
  const now = ports.clock();
  const nowIso = now.toISOString();
  const { cal } = await ports.calendar();
  const horizon = endOfChinaDay(addWorkdays(chinaDate(now), settings.yellowCardWorkdays, cal).dueDate);
  const { cases, consumedRcu } = await ports.store.openDueBy(horizon);
  const result: ScanResult = { read: cases.length, yellow: 0, red: 0, consumedRcu };
  for (const c of cases) {
    const card: Card = c.dueAt < nowIso ? 'red' : 'yellow';
    // already given (seen on the index item): no write that would only be refused
    if (card === 'red' ? c.redCardAt : c.yellowCardAt) continue;
    if (!(await ports.store.markCard(c.id, card, nowIso, c.dueAt))) continue;
    result[card]++;
    await ports.notifier.publish(cardNotice(card, c));
  }
  return result;
};
