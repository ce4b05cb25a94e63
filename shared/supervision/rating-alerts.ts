import { bjDateTime } from '../platform/beijing-time.ts';
import type { RectificationAlert, RectificationAlerts } from '../ratings/ports.ts';
import { alertId, type Alert } from './alert.ts';
import type { ScanStore } from './ports.ts';

/**
 * The ratings context's overdue 差评整改 raised into the alert inbox: stored as an alert with its
 * outbox entry in one transaction (the next overdue scan relays the outbox to the delivery queue,
 * so e-mail and webhooks get it as they get the cards). The id is a hash of the case and the kind,
 * so a second raise of the same deadline (a re-run after a failure) is refused and stays one alert.
 * A missed callback is a yellow card, a missed rectification a red one. No personal data.
 */
export const RATING_CARDS = { 'rating.callback-overdue': 'yellow', 'rating.rectify-overdue': 'red' } as const;

export const ratingAlertOf = (r: RectificationAlert): Alert => {
  const key = `${r.kind}#${r.dueAt}`;
  const what = r.kind === 'rating.callback-overdue' ? '差评回访' : '差评整改';
  return {
    id: alertId(r.caseId, key),
    card: RATING_CARDS[r.kind],
    trigger: 'rating',
    key,
    caseId: r.caseId,
    caseNumber: r.number,
    itemName: r.itemName,
    officeId: r.officeId,
    reason: `${what}超过时限（${bjDateTime(r.dueAt)} 到期）`,
    at: r.raisedAt,
    countyState: 'unread',
    officeState: 'unread',
    acks: {},
    deliveries: {},
  };
};

export const inboxRectificationAlerts = (store: Pick<ScanStore, 'settle'>): RectificationAlerts => ({
  raise: async (r) => {
    // false = already stored: raised once, whatever the reason for the second call
    await store.settle({ alerts: [ratingAlertOf(r)], events: [], tallies: [], audits: [] });
  },
});
