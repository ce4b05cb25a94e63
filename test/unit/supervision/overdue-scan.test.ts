import { bjEndOfDay } from '../../../shared/platform/beijing-time.ts';
import { describe, expect, it } from 'vitest';

import { alertId } from '../../../shared/supervision/alert.ts';
import { DEFAULT_RULES } from '../../../shared/supervision/rules.ts';
import { at, CLERK, county, META } from './fixtures.ts';

/**
 * The scan with a fake clock over the memory stores, fed by the real case use cases: a case
 * accepted Monday 2026-11-02 (5 working days, Thursday 11-05 a holiday) is due 11-10; two working
 * days before is Friday 11-06.
 */
const cardsOf = (c: ReturnType<typeof county>) => c.queue.sent.map((r) => (r.type === 'alert' ? r.id : r.type));

describe('overdue scan (电子监察)', () => {
  it('a case goes yellow, then red: exactly one alert each, however many scans run', async () => {
    const c = county();
    const k = await c.accept();
    expect(k.dueDate).toBe('2026-11-10');
    c.setNow(at('2026-11-05', '23:59'));
    expect(await c.scan()).toMatchObject({ yellow: 0, red: 0 });

    c.setNow(at('2026-11-06', '10:30'));
    expect(await c.scan()).toMatchObject({ yellow: 1, red: 0, relayed: 1 });
    for (let i = 0; i < 5; i++) expect(await c.scan()).toMatchObject({ looked: 0, yellow: 0 });
    c.setNow(new Date(bjEndOfDay('2026-11-10')));
    expect(await c.scan()).toMatchObject({ yellow: 0, red: 0 });

    c.setNow(at('2026-11-11', '00:00'));
    const concurrent = await Promise.all([c.scan(), c.scan(), c.scan()]);
    expect(concurrent.reduce((n, r) => n + r.red, 0)).toBe(1);
    for (let i = 0; i < 3; i++) await c.scan();

    const { alerts } = await c.store.alerts({ side: 'county', limit: 50 });
    expect(alerts.map((a) => [a.card, a.caseNumber, a.reason])).toEqual([
      ['red', k.number, '已超过承诺时限（2026-11-10 到期）'],
      ['yellow', k.number, '即将到期：承诺 2026-11-10 前办结'],
    ]);
    expect(cardsOf(c)).toEqual([alertId(k.id, `yellow:due:${k.dueAt}`), alertId(k.id, `red:due:${k.dueAt}`)]);
    // on the case timeline, once each
    expect(c.store.timeline.map((t) => [t.caseId, t.type])).toEqual([
      [k.id, 'yellow_card'],
      [k.id, 'red_card'],
    ]);
  });

  it('reads only the watches due: cards already given cost nothing on later scans', async () => {
    const c = county();
    for (let i = 0; i < 20; i++) await c.accept();
    c.setNow(at('2026-11-03'));
    await c.scan(); // looks once at the new cases (each intake asked for a look)
    c.setNow(at('2026-11-11'));
    expect(await c.scan()).toMatchObject({ looked: 20, red: 20 });
    // 20 cards given; a week of scans every 15 minutes reads nothing
    for (let h = 0; h < 7 * 24 * 4; h++) {
      c.setNow(new Date(at('2026-11-11').getTime() + (h + 1) * 900_000));
      expect((await c.scan()).looked).toBe(0);
    }
    // a new case is read when it changes and when its cards fall due, and not otherwise
    const before = c.store.looked;
    const k = await c.accept();
    c.setNow(at('2026-11-19', '00:10'));
    expect(await c.scan()).toMatchObject({ looked: 1, yellow: 0 });
    expect(c.store.looked - before).toBe(1);
    expect((await c.latest(k.id)).status).toBe('accepted');
  });

  it('keeps the open, due-soon and overdue gauges as the case moves (counted by the scan, once)', async () => {
    const c = county();
    const k = await c.accept();
    expect(c.gauges()).toEqual({ open: 0, dueSoon: 0, overdue: 0 });
    await c.scan(); // the scan counts what it sees of the case
    expect(c.gauges()).toEqual({ open: 1, dueSoon: 0, overdue: 0 });
    c.setNow(at('2026-11-06'));
    await c.scan();
    expect(c.gauges()).toEqual({ open: 1, dueSoon: 1, overdue: 0 });
    c.setNow(at('2026-11-11'));
    await c.scan();
    expect(c.gauges()).toEqual({ open: 1, dueSoon: 0, overdue: 1 });
    await c.act.decide(c.casePorts, CLERK, { id: k.id, expectedVersion: 1, result: 'approved' }, META);
    expect(c.gauges()).toEqual({ open: 1, dueSoon: 0, overdue: 1 });
    await c.scan();
    expect(c.gauges()).toEqual({ open: 0, dueSoon: 0, overdue: 0 });
    // nothing more can happen to it: it leaves the look-at index
    expect(c.store.watches.get(k.id)?.lookAt).toBeUndefined();
  });

  it('a case decided in time is never carded', async () => {
    const c = county();
    const k = await c.accept();
    c.setNow(at('2026-11-04'));
    await c.act.decide(c.casePorts, CLERK, { id: k.id, expectedVersion: 1, result: 'approved' }, META);
    for (const d of ['2026-11-06', '2026-11-11', '2026-12-01']) {
      c.setNow(at(d));
      await c.scan();
    }
    expect(c.queue.sent).toEqual([]);
  });

  it('an extension after the yellow card: the new limit has its own yellow and red', async () => {
    const c = county();
    const k = await c.accept();
    c.setNow(at('2026-11-06'));
    await c.scan();
    const head = { ...CLERK, username: 'head.lingshan', scopes: [...CLERK.scopes, 'case.extend' as const] };
    const ext = await c.act.extend(c.casePorts, head, { id: k.id, expectedVersion: 1, days: 3, reason: '需补充现场核查' }, META);
    expect(ext.dueDate).toBe('2026-11-13');
    c.setNow(at('2026-11-11'));
    expect(await c.scan()).toMatchObject({ yellow: 1, red: 0 });
    c.setNow(at('2026-11-14'));
    expect(await c.scan()).toMatchObject({ yellow: 0, red: 1 });
    expect((await c.store.alerts({ side: 'county', limit: 10 })).alerts.map((a) => a.key)).toEqual([
      `red:due:${ext.dueAt}`,
      `yellow:due:${ext.dueAt}`,
      `yellow:due:${k.dueAt}`,
    ]);
  });

  it('a 即办件 not decided the same day is carded at midnight, once', async () => {
    const c = county(at('2026-11-02', '09:00'));
    const done = await c.accept(true);
    const late = await c.accept(true);
    c.setNow(at('2026-11-02', '16:00'));
    await c.act.decide(c.casePorts, CLERK, { id: done.id, expectedVersion: 1, result: 'approved' }, META);
    expect(await c.scan()).toMatchObject({ red: 0 });
    c.setNow(at('2026-11-03', '00:00'));
    expect(await c.scan()).toMatchObject({ red: 1 });
    await c.scan();
    const { alerts } = await c.store.alerts({ side: 'county', limit: 10 });
    expect(alerts.map((a) => [a.caseId, a.trigger, a.reason])).toEqual([[late.id, 'immediate', '即办件未于受理当日（2026-11-02）办结']]);
  });

  it('a queue outage delays an alert and never loses it: the outbox keeps it for the next run', async () => {
    const c = county();
    const k = await c.accept();
    c.setNow(at('2026-11-06'));
    c.queue.failing = true;
    expect(await c.scan()).toMatchObject({ yellow: 1, relayed: 0, waiting: 1 });
    expect(c.store.pendingOutbox()).toEqual([{ type: 'alert', id: alertId(k.id, `yellow:due:${k.dueAt}`) }]);
    c.setNow(at('2026-11-06', '10:15'));
    expect(await c.scan()).toMatchObject({ yellow: 0, waiting: 1 });
    c.queue.failing = false;
    c.setNow(at('2026-11-06', '10:30'));
    expect(await c.scan()).toMatchObject({ yellow: 0, relayed: 1, waiting: 0 });
    expect(c.queue.sent).toEqual([{ type: 'alert', id: alertId(k.id, `yellow:due:${k.dueAt}`) }]);
    expect(c.store.pendingOutbox()).toEqual([]);
  });

  it('a case suspended past its announced days gets the county’s suspension card, not a limit card', async () => {
    const c = county();
    const k = await c.accept();
    c.setNow(at('2026-11-03'));
    await c.act.suspend(c.casePorts, CLERK, { id: k.id, expectedVersion: 1, procedure: '现场勘查', expectedDays: 2, notice: '现场勘查两天' }, META);
    for (const d of ['2026-11-04', '2026-11-06', '2026-11-11']) {
      c.setNow(at(d));
      await c.scan();
    }
    const { alerts } = await c.store.alerts({ side: 'county', limit: 10 });
    expect(alerts.map((a) => [a.card, a.trigger])).toEqual([['yellow', 'suspension']]);
    expect(c.gauges()).toMatchObject({ dueSoon: 0, overdue: 0 });
  });

  it('county rules: no yellow lead means the yellow card on the due day itself', async () => {
    const c = county(at('2026-11-02'), { ...DEFAULT_RULES, yellowLeadWorkdays: 0 });
    await c.accept();
    c.setNow(at('2026-11-09', '23:00'));
    expect(await c.scan()).toMatchObject({ yellow: 0 });
    c.setNow(at('2026-11-10', '00:05'));
    expect(await c.scan()).toMatchObject({ yellow: 1 });
  });
});
