import { describe, expect, it } from 'vitest';
import { disclosedRatings, disclosedResults, maskNumber, publishDisclosure } from '../../../shared/ratings/disclosure.ts';
import { publicRatingBody } from '../../../shared/ratings/model.ts';
import { staticOfficeNames } from '../../../shared/offices/memory-names.ts';
import { ratePublic } from '../../../shared/ratings/rate.ts';
import { META, OFFICE, at, caseIn, ratingWorld } from './fixtures.ts';

describe('六公开: results and monthly ratings, published without personal data', () => {
  it('masks the middle of a number', () => {
    expect(maskNumber('411521-20261122-0042')).toBe('411521-2026****-****');
  });

  it('nothing on a result rebuilds the number: its daily sequence is nowhere beside the dates', async () => {
    const w = ratingWorld(at('2026-11-20'));
    const c = w.decided({ decision: { result: 'approved', at: at('2026-11-12').toISOString(), onTime: true, by: 'clerk.lingshan' } });
    await publishDisclosure({
      cases: w.ports.cases,
      ratings: w.ports.ratings,
      offices: staticOfficeNames({ [OFFICE]: '灵山镇' }),
      clock: () => at('2026-11-20'),
    });
    const [shown] = (await disclosedResults(w.ports)).results;
    const sequence = c.number.split('-')[2]!;
    expect(shown!.acceptedOn).toBeDefined();
    expect(JSON.stringify(shown)).not.toContain(sequence);
    expect(JSON.stringify(shown)).not.toContain(c.number.slice(0, 15));
  });

  it('publishes recent 办结 results and the month’s ratings per office; the reader sees only those documents', async () => {
    const w = ratingWorld(at('2026-11-20'));
    const decidedAt = (d: string) => ({ result: 'approved' as const, at: at(d).toISOString(), onTime: d <= '2026-11-10', by: 'clerk.lingshan' });
    const recent = w.decided({ decision: decidedAt('2026-11-12') });
    w.ports.cases.seed(caseIn('delivered', { decision: decidedAt('2026-11-05') }));
    w.ports.cases.seed(caseIn('decided', { decision: decidedAt('2026-09-01') })); // older than 30 days
    w.ports.cases.seed(caseIn('accepted')); // not decided
    w.ports.cases.seed(caseIn('decided', { officeId: '411521-gaj', decision: decidedAt('2026-11-18') }));
    await ratePublic(w.ports, { ...publicRatingBody.parse({ phone4: '5678', level: 5 }), number: recent.number }, META);
    const offices = staticOfficeNames({ [OFFICE]: '灵山镇便民服务中心', '411521-gaj': '县公安局' });
    const r = await publishDisclosure({ cases: w.ports.cases, ratings: w.ports.ratings, offices, clock: () => at('2026-11-20') });
    expect(r.results).toBe(3);
    const results = await disclosedResults(w.ports);
    expect(results.results.map((x) => [x.officeName, x.decidedOn, x.onTime])).toEqual([
      ['县公安局', '2026-11-18', false],
      ['灵山镇便民服务中心', '2026-11-12', false],
      ['灵山镇便民服务中心', '2026-11-05', true],
    ]);
    expect(results.results[1]).toEqual({
      number: maskNumber(recent.number),
      itemName: recent.itemName,
      officeName: '灵山镇便民服务中心',
      acceptedOn: '2026-11-02',
      decidedOn: '2026-11-12',
      onTime: false,
    });
    const month = await disclosedRatings(w.ports, { month: '2026-11' });
    expect(month.offices).toEqual([
      { officeName: '灵山镇便民服务中心', count: 1, satisfied: 1, bad: 0, rectified: 0, satisfactionRate: 1, rectificationRate: null },
    ]);
    const all = JSON.stringify([results, month]);
    for (const personal of ['张三丰', '张*丰', '5678', '1101', 'clerk.lingshan', recent.id, recent.number]) expect(all).not.toContain(personal);
    expect((await disclosedRatings(w.ports, { month: '2026-08' })).offices).toEqual([]);
  });
});
