import { describe, expect, it } from 'vitest';
import { publicRatingBody } from '../../../shared/ratings/model.ts';
import { ratePublic } from '../../../shared/ratings/rate.ts';
import { scanRectifications } from '../../../shared/ratings/overdue.ts';
import { listAlerts, unreadAlerts } from '../../../shared/supervision/inbox.ts';
import { memorySupervisionStore } from '../../../shared/supervision/memory-supervision.ts';
import { inboxRectificationAlerts } from '../../../shared/supervision/rating-alerts.ts';
import { at, ratingWorld } from '../ratings/fixtures.ts';
import { HEAD, META, SUPERVISOR } from './fixtures.ts';

/** The ratings context's overdue 差评整改 raised into the alert inbox (RectificationAlerts). */
describe('overdue 差评整改 in the alert inbox', () => {
  it('a missed callback is a yellow alert, a missed rectification a red one; each once, for the county and the office', async () => {
    const w = ratingWorld(at('2026-11-09'));
    const c = w.decided();
    await ratePublic(w.ports, { ...publicRatingBody.parse({ phone4: '5678', level: 1, reason: '服务态度不好' }), number: c.number }, META);
    const store = memorySupervisionStore();
    const alerts = inboxRectificationAlerts(store);
    const scan = (d: Date) => scanRectifications({ ratings: w.ports.ratings, alerts, clock: () => d });
    const inbox = { store, clock: () => at('2026-12-02') };

    await scan(at('2026-11-11', '09:00'));
    await scan(at('2026-12-01', '09:00'));
    const sup = (await listAlerts(inbox, SUPERVISOR, { limit: 10 })).alerts;
    expect(sup.map((a) => [a.card, a.trigger, a.caseId, a.caseNumber])).toEqual([
      ['red', 'rating', c.id, c.number],
      ['yellow', 'rating', c.id, c.number],
    ]);
    expect(sup[0]!.reason).toBe('差评整改超过时限（2026-11-30 23:59 到期）');
    expect(sup[1]!.reason).toBe('差评回访超过时限（2026-11-10 23:59 到期）');
    expect((await listAlerts(inbox, HEAD, { limit: 10 })).alerts).toHaveLength(2);
    expect(await unreadAlerts(inbox, HEAD)).toMatchObject({ unread: 2 });
    // stored with their outbox entries: e-mail and webhooks get them from there
    expect(store.pendingOutbox()).toHaveLength(2);
    expect(JSON.stringify([...sup, store.pendingOutbox()])).not.toMatch(/5678|张/);

    // a second raise of the same deadline (a re-run after a failure) stays one alert
    const again = {
      kind: 'rating.callback-overdue' as const,
      caseId: c.id,
      number: c.number,
      itemName: c.itemName,
      officeId: c.officeId,
      level: 1,
      dueAt: '2026-11-10T15:59:59.999Z',
      raisedAt: at('2026-11-12').toISOString(),
    };
    await alerts.raise(again);
    expect((await listAlerts(inbox, SUPERVISOR, { limit: 10 })).alerts).toHaveLength(2);
    expect(store.pendingOutbox()).toHaveLength(2);
  });
});
