import { describe, expect, it } from 'vitest';
import { dailyDigest } from '../../../shared/supervision/daily-digest.ts';
import { digestNotice } from '../../../shared/supervision/notices.ts';
import { at, county } from './fixtures.ts';

describe('daily digest (08:30 Beijing)', () => {
  it('due today, overdue and open 督办, for the county and for each office concerned; once a day', async () => {
    const c = county(at('2026-11-02'));
    const early = await c.accept(); // due 11-10
    c.setNow(at('2026-11-04'));
    const later = await c.accept(); // due 11-12 (11-05 a holiday)
    c.store.setDay('2026-11-11', { taken: 4, decidedOnTime: 3, decidedLate: 1 });
    c.setNow(new Date('2026-11-12T00:30:00Z')); // 08:30 Beijing
    const ports = { store: c.store, queue: c.queue, clock: c.now };
    expect(await dailyDigest(ports)).toEqual({ day: '2026-11-12', dueToday: 1, overdue: 1, openOrders: 0, offices: 1, made: true });
    const d = (await c.store.digest('county', '2026-11-12'))!;
    expect(d.dueToday.map((x) => x.number)).toEqual([later.number]);
    expect(d.overdue.map((x) => x.number)).toEqual([early.number]);
    expect(d.yesterday).toEqual({ taken: 4, decidedOnTime: 3, decidedLate: 1, immediateSameDay: 0 });
    expect((await c.store.digest('411521-lingshan', '2026-11-12'))?.overdue.map((x) => x.id)).toEqual([early.id]);
    // the county digest goes out through the delivery queue, the office ones stay in the app
    expect(c.queue.sent).toEqual([{ type: 'digest', audience: 'county', day: '2026-11-12' }]);
    const text = digestNotice(d, (id) => id).text;
    expect(text).toContain('今日到期 1 件；已超期 1 件；待反馈督办 0 件。');
    expect(text).toContain('昨日受理 4 件；按时办结 3 件；超期办结 1 件；即办件当日办结 0 件。');

    // a second run the same day sends nothing again
    expect((await dailyDigest(ports)).made).toBe(false);
    expect(c.queue.sent).toHaveLength(1);
  });

  it('takes the China day: 16:30 UTC is already the next morning in Beijing', async () => {
    const c = county(at('2026-11-02'));
    c.setNow(new Date('2026-11-11T16:30:00Z'));
    expect((await dailyDigest({ store: c.store, queue: c.queue, clock: c.now })).day).toBe('2026-11-12');
  });
});
