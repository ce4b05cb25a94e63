import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../shared/sheets/xlsx.ts';
import { ForbiddenError } from '../../../shared/errors/domain-errors.ts';
import { publicRatingBody } from '../../../shared/ratings/model.ts';
import { staticOfficeNames, staticStaffNames } from '../../../shared/offices/memory-names.ts';
import { ratePublic } from '../../../shared/ratings/rate.ts';
import { ratingStats, statsWorkbook } from '../../../shared/ratings/stats.ts';
import { CLERK, HEAD, META, OFFICE, SUPERVISOR, at, ratingWorld } from './fixtures.ts';

const world = async () => {
  const w = ratingWorld(at('2026-11-09'));
  const rate = async (officeId: string, itemCode: string, level: number, by = 'clerk.a') => {
    const c = w.decided({
      officeId,
      itemCode,
      itemName: `事项${itemCode}`,
      decision: { result: 'approved', at: at('2026-11-06').toISOString(), onTime: true, by },
    });
    await ratePublic(
      w.ports,
      { ...publicRatingBody.parse({ phone4: '5678', level, ...(level <= 2 ? { reason: '服务态度不好' } : {}) }), number: c.number },
      META,
    );
  };
  await rate(OFFICE, 'A-1', 5);
  await rate(OFFICE, 'A-1', 3, 'clerk.b');
  await rate(OFFICE, 'A-2', 1);
  await rate('411521-gaj', 'A-1', 4, 'clerk.gaj');
  await rate('411521-gaj', 'A-1', 2, 'clerk.gaj');
  const ports = {
    ratings: w.ports.ratings,
    offices: staticOfficeNames({ [OFFICE]: '灵山镇', '411521-gaj': '县公安局' }),
    // clerk.b has left: no name in the directory
    staff: staticStaffNames({ 'clerk.a': '李灵山', 'clerk.gaj': '王公安' }),
  };
  return { w, ports };
};

describe('rating statistics', () => {
  it('gives the county per office, item (across offices) and staff, with the rates', async () => {
    const { ports } = await world();
    const s = await ratingStats(ports, SUPERVISOR, { month: '2026-11' });
    expect(s.scope).toBe('county');
    expect(s.total).toMatchObject({ count: 5, satisfied: 3, bad: 2, tasks: 2, rectified: 0, satisfactionRate: 0.6, rectificationRate: 0, callbackRate: 0 });
    expect(s.offices.map((o) => [o.officeName, o.count, o.satisfied, o.bad, o.rectified])).toEqual([
      ['灵山镇', 3, 2, 1, 0],
      ['县公安局', 2, 1, 1, 0],
    ]);
    expect(s.items.map((i) => [i.itemCode, i.count])).toEqual([
      ['A-1', 4],
      ['A-2', 1],
    ]);
    expect(s.staff.find((x) => x.staff === 'clerk.gaj')).toMatchObject({ staffName: '王公安', count: 2, bad: 1, officeName: '县公安局' });
    expect(s.staff.find((x) => x.staff === 'clerk.b')).toMatchObject({ staffName: 'clerk.b' });
  });

  it('gives a center head their own office only; a clerk nothing', async () => {
    const { ports } = await world();
    const s = await ratingStats(ports, HEAD, { month: '2026-11' });
    expect(s.scope).toBe('office');
    expect(s.offices.map((o) => o.officeId)).toEqual([OFFICE]);
    expect(s.total.count).toBe(3);
    expect(s.items.map((i) => [i.itemCode, i.count])).toEqual([
      ['A-1', 2],
      ['A-2', 1],
    ]);
    expect(s.staff.every((x) => x.officeId === OFFICE)).toBe(true);
    await expect(ratingStats(ports, CLERK, { month: '2026-11' })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await ratingStats(ports, SUPERVISOR, { month: '2026-10' })).offices).toEqual([]);
  });

  it('exports the same figures to Excel', async () => {
    const { ports } = await world();
    const s = await ratingStats(ports, SUPERVISOR, { month: '2026-11' });
    const sheets = await readXlsx(await statsWorkbook(s));
    expect(sheets.map((x) => x.name)).toEqual(['机构', '事项', '人员']);
    const offices = sheets[0]!.rows.map((r) => r.cells);
    expect(offices[0]!.slice(0, 4)).toEqual(['机构编码', '机构', '评价数', '非常满意']);
    expect(offices[1]!.slice(0, 3)).toEqual([OFFICE, '灵山镇', '3']);
    expect(offices.at(-1)!.slice(0, 3)).toEqual(['合计', '', '5']);
    expect(offices[1]![8]).toBe('66.7%');
    const people = sheets[2]!.rows.map((r) => r.cells);
    expect([people[0]![0], people[0]!.at(-1)]).toEqual(['工作人员', '账号']);
    expect(people.find((r) => r.at(-1) === 'clerk.gaj')!.slice(0, 2)).toEqual(['王公安', '县公安局']);
  });
});
