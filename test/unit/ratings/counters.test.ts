import { describe, expect, it } from 'vitest';
import { recompute, dimKey } from '../../../shared/ratings/counters.ts';
import { appealBody, appealDecisionBody, callbackBody, followUpBody, publicRatingBody, rectifyBody } from '../../../shared/ratings/model.ts';
import { followUpPublic, ratePublic } from '../../../shared/ratings/rate.ts';
import { appeal, decideAppeal, recordCallback, rectify } from '../../../shared/ratings/rectification.ts';
import { HEAD, META, SUPERVISOR, at, principal, ratingWorld } from './fixtures.ts';

/** A small deterministic random source, so a failure can be replayed. */
const rng = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};

describe('statistics are the counters, and the counters equal a recomputation from the ratings', () => {
  it.each([1, 2, 3, 4, 5])('after a random history of ratings, follow-ups, callbacks, rectifications and appeals (seed %i)', async (seed) => {
    const rand = rng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const w = ratingWorld(at('2026-11-09'));
    const offices = ['411521-lingshan', '411521-gaj', '411521-mzj'];
    const heads = Object.fromEntries(
      offices.map((o) => [o, principal({ userId: `h-${o}`, username: `head.${o}`, officeId: o, roles: ['center_head'], scopes: HEAD.scopes })]),
    );
    const cases = Array.from({ length: 40 }, (_, i) => {
      const officeId = pick(offices);
      return w.decided({
        officeId,
        itemCode: pick(['A-1', 'A-2', 'B-7']),
        decision: { result: 'approved', at: at('2026-11-06').toISOString(), onTime: true, by: `clerk.${i % 4}` },
      });
    });
    for (const c of cases) {
      w.setNow(at(pick(['2026-11-09', '2026-11-16', '2026-12-01']), '10:00'));
      const level = pick([1, 2, 3, 4, 5]);
      await ratePublic(
        w.ports,
        { ...publicRatingBody.parse({ phone4: '5678', level, ...(level <= 2 ? { reason: '服务态度不好' } : {}) }), number: c.number },
        META,
      );
      if (rand() < 0.3) {
        const fl = pick([undefined, 1, 3, 5]);
        await followUpPublic(
          w.ports,
          {
            ...followUpBody.parse({ phone4: '5678', text: '追评内容', ...(fl ? { level: fl, ...(fl <= 2 ? { reason: '其他' } : {}) } : {}) }),
            number: c.number,
          },
          META,
        );
      }
      const t = await w.ports.ratings.task(c.id);
      if (!t) continue;
      const head = heads[t.officeId]!;
      const r = rand();
      if (r < 0.25) continue;
      if (r < 0.45) {
        await appeal(w.ports, head, { caseId: c.id, ...appealBody.parse({ expectedVersion: t.version, reason: '评价与事实不符，请求复核此差评' }) }, META);
        await decideAppeal(
          w.ports,
          SUPERVISOR,
          { caseId: c.id, ...appealDecisionBody.parse({ expectedVersion: t.version + 1, upheld: rand() < 0.5, reason: '复核意见如上' }) },
          META,
        );
        continue;
      }
      const cb = await recordCallback(
        w.ports,
        head,
        { caseId: c.id, ...callbackBody.parse({ expectedVersion: t.version, note: '已回访群众', reached: rand() < 0.8 }) },
        META,
      );
      if (rand() < 0.6)
        await rectify(
          w.ports,
          head,
          { caseId: c.id, ...rectifyBody.parse({ expectedVersion: cb.task.version, measures: '整改措施', answer: '答复群众' }) },
          META,
        );
    }
    const tasks = new Map(w.ports.ratings.allTasks().map((t) => [t.caseId, t]));
    for (const month of ['2026-11', '2026-12']) {
      const ratings = w.ports.ratings.allRatings().filter((r) => r.month === month);
      const expected = recompute(ratings, tasks);
      const actual = (await w.ports.ratings.counters(month)).filter((r) => Object.values(r.counts).some((n) => n !== 0));
      const byKey = (rows: typeof expected) => Object.fromEntries(rows.map((r) => [dimKey(r), r.counts]));
      expect(byKey(actual)).toEqual(byKey(expected));
    }
    // the county row is every office added up
    const county = (await w.ports.ratings.counters('2026-11')).find((r) => r.kind === 'county')!.counts;
    const offices11 = (await w.ports.ratings.counters('2026-11')).filter((r) => r.kind === 'office');
    expect(offices11.reduce((n, r) => n + r.counts.count, 0)).toBe(county.count);
  });
});
