import { expect, it } from 'vitest';
import type { CalendarStore } from '../../../shared/calendar/ports.ts';
import type { AuditInput } from '../../../shared/audit/audit.ts';

/** The CalendarStore contract: run on the memory fake (unit) and on DynamoDB Local (integration). */
export const calendarStoreContract = (make: () => CalendarStore): void => {
  const audit: AuditInput = { actor: { anonymous: 'contract' }, action: 'calendar.year.put', result: 'success', sourceIp: '', userAgent: 'vitest' };
  const year = (y: number, holidays: string[], updatedAt: string) => ({ year: y, holidays, makeupWorkdays: [`${y}-02-07`], source: `测试 ${y}`, updatedAt });
  const within = async (s: CalendarStore, from: number, to: number) => (await s.storedYears()).filter((y) => y.year >= from && y.year <= to);

  it('reads a saved year back as saved; saving the year again replaces it', async () => {
    const s = make();
    await s.saveYear(year(2091, ['2091-01-01'], '2026-12-01T02:00:00.000Z'), audit);
    expect(await within(s, 2091, 2091)).toEqual([year(2091, ['2091-01-01'], '2026-12-01T02:00:00.000Z')]);
    await s.saveYear(year(2091, ['2091-01-01', '2091-10-01'], '2026-12-02T02:00:00.000Z'), audit);
    expect(await within(s, 2091, 2091)).toEqual([year(2091, ['2091-01-01', '2091-10-01'], '2026-12-02T02:00:00.000Z')]);
  });

  it('gives the stored years in year order, whatever order they were saved in', async () => {
    const s = make();
    for (const y of [2095, 2093, 2094]) await s.saveYear(year(y, [`${y}-01-01`], '2026-12-01T02:00:00.000Z'), audit);
    expect((await within(s, 2093, 2095)).map((y) => y.year)).toEqual([2093, 2094, 2095]);
  });
};
