import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellDate, kindOf, parseNoticeIcs, parseNoticeSheets } from '../../../shared/calendar/notice-import.ts';
import { SEED_YEARS } from '../../../shared/calendar/seed-years.ts';
import { readWorkbook } from '../../../shared/sheets/xlsx.ts';
import { importCalendarYear } from '../../../shared/calendar/import-year.ts';

const y2026 = SEED_YEARS.find((y) => y.year === 2026)!;
const compact = (d: string) => d.replace(/-/g, '');
const next = (d: string) => compact(new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));

/** 2026's official arrangement as the phone calendars publish it: one all-day event per day, 休 / 班. */
const appleIcs = (): string =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'X-WR-CALNAME:中国大陆节假日',
    ...y2026.holidays.flatMap((d) => [
      'BEGIN:VEVENT',
      `DTSTART;VALUE=DATE:${compact(d)}`,
      `DTEND;VALUE=DATE:${next(d)}`,
      'SUMMARY:节假日（休）',
      'X-APPLE-SPECIAL-DAY:WORK-HOLIDAY',
      'END:VEVENT',
    ]),
    ...y2026.makeupWorkdays.flatMap((d) => [
      'BEGIN:VEVENT',
      `DTSTART;VALUE=DATE:${compact(d)}`,
      'SUMMARY:调休（班）',
      'X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY',
      'END:VEVENT',
    ]),
    // another year and an unrelated event in the same feed
    'BEGIN:VEVENT',
    'DTSTART;VALUE=DATE:20250101',
    'SUMMARY:元旦（休）',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART;VALUE=DATE:20260214',
    'SUMMARY:情人节',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');

describe('the State Council notice as ICS', () => {
  it('reads one event per day (Apple feed) into exactly the official 2026 arrangement', () => {
    const r = parseNoticeIcs(appleIcs(), 2026, '国办发明电〔2025〕7号');
    expect(r.year).toEqual({ year: 2026, holidays: y2026.holidays, makeupWorkdays: y2026.makeupWorkdays, source: '国办发明电〔2025〕7号' });
    expect(r.skipped).toEqual([expect.stringContaining('不在 2026 年'), expect.stringContaining('情人节')]);
  });

  it('reads multi-day events (DTEND exclusive), categories, folded lines and 补班 titles', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260215',
      'DTEND;VALUE=DATE:20260224',
      'SUMMARY:春节 假期 第1天/共9',
      ' 天',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260214',
      'DTEND;VALUE=DATE:20260215',
      'SUMMARY:春节调休',
      'CATEGORIES:上班',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20260228T000000',
      'SUMMARY:春节 补班',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\n');
    const r = parseNoticeIcs(ics, 2026, 'x');
    expect(r.year.holidays).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(r.year.makeupWorkdays).toEqual(['2026-02-14', '2026-02-28']);
  });

  it('refuses what is not a calendar, a year with no days, a weekday 班 and a day both 休 and 班', () => {
    expect(() => parseNoticeIcs('hello', 2026, 'x')).toThrow(/不是 ICS/);
    expect(() => parseNoticeIcs(appleIcs(), 2031, 'x')).toThrow(/没有 2031 年/);
    const weekday = 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260302\nSUMMARY:补班\nEND:VEVENT\nEND:VCALENDAR';
    expect(() => parseNoticeIcs(weekday, 2026, 'x')).toThrow(/2026-03-02 不是周末/);
    const both =
      'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260301\nSUMMARY:补班\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260301\nSUMMARY:放假\nEND:VEVENT\nEND:VCALENDAR';
    expect(() => parseNoticeIcs(both, 2026, 'x')).toThrow(/既标为放假又标为上班/);
  });
});

describe('the notice as a spreadsheet', () => {
  /** As a provincial office types it in Excel (written by exceljs, not by our own writer): ranges, real dates, text dates. */
  const workbook = async (rows: unknown[][]): Promise<Uint8Array> => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2026年节假日');
    ws.addRow(['国务院办公厅关于2026年部分节假日安排的通知']);
    ws.addRow(['节日', '日期', '结束日期', '类型']);
    for (const r of rows) ws.addRow(r);
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  };

  it('reads ranges, Excel dates and Chinese dates into the official 2026 arrangement', async () => {
    const buf = await workbook([
      ['元旦', new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 0, 3)), '放假'],
      ['元旦', '2026-01-04', null, '上班'],
      ['春节', '2026年2月14日', null, '上班'],
      ['春节', '2026/2/15', '2026/2/23', '放假'],
      ['春节', '2026.2.28', null, '补班'],
      ['清明节', '2026-04-04', '2026-04-06', '休'],
      ['劳动节', '2026-05-01', '2026-05-05', '放假'],
      ['劳动节', '2026-05-09', null, '上班'],
      ['端午节', '2026-06-19', '2026-06-21', '放假'],
      ['中秋节', '2026-09-25', '2026-09-27', '放假'],
      ['国庆节', '2026-09-20', null, '上班'],
      ['国庆节', '2026-10-01', '2026-10-07', '放假'],
      ['国庆节', '2026-10-10', null, '上班'],
    ]);
    const r = parseNoticeSheets(await readWorkbook('notice.xlsx', buf), 2026, 'x');
    expect(r.year.holidays).toEqual(y2026.holidays);
    expect(r.year.makeupWorkdays).toEqual(y2026.makeupWorkdays);
  });

  it('names the row of an unreadable date or type', async () => {
    const bad = await workbook([['元旦', '明年元旦', null, '放假']]);
    await expect(async () => parseNoticeSheets(await readWorkbook('n.xlsx', bad), 2026, 'x')).rejects.toMatchObject({
      fields: [{ path: '2026年节假日.第3行', message: '日期无法识别：明年元旦' }],
    });
    const kind = await workbook([['元旦', '2026-01-01', null, '待定']]);
    await expect(async () => parseNoticeSheets(await readWorkbook('n.xlsx', kind), 2026, 'x')).rejects.toThrow(/类型须为“放假”或“上班”：待定/);
    const csv = new TextEncoder().encode('名称,说明\n元旦,放假\n');
    await expect(async () => parseNoticeSheets(await readWorkbook('n.csv', csv), 2026, 'x')).rejects.toThrow(/没有找到带“日期”“类型”表头/);
  });

  it('reads a CSV too', async () => {
    const csv = new TextEncoder().encode('日期,类型\n2026-01-01,放假\n2026-01-04,上班\n');
    const r = parseNoticeSheets(await readWorkbook('n.csv', csv), 2026, 'x');
    expect(r.year).toMatchObject({ holidays: ['2026-01-01'], makeupWorkdays: ['2026-01-04'] });
  });

  it('knows the words for a day off and a working day, and the date forms', () => {
    expect(['放假', '休', '节假日（休）', '春节 假期 第1天/共9天'].map(kindOf)).toEqual(['holiday', 'holiday', 'holiday', 'holiday']);
    expect(['上班', '班', '补班', '调休上班', '调休（班）'].map(kindOf)).toEqual(['makeup', 'makeup', 'makeup', 'makeup', 'makeup']);
    expect(kindOf('情人节')).toBeUndefined();
    expect(['46023', '2026-1-1', '2026年01月01日', '2026-02-30'].map(cellDate)).toEqual(['2026-01-01', '2026-01-01', '2026-01-01', undefined]);
  });
});

describe('importCalendarYear (one county)', () => {
  const caller = { command: 'calendar:import', operator: 'ops@host' };
  const meta = { sourceIp: 'host', userAgent: 'npm run calendar:import' };
  const clock = () => new Date('2026-11-25T02:00:00Z');
  const fake = (stored?: typeof y2026) => {
    const saved: Array<{ year: typeof y2026; audit: unknown[] }> = [];
    return {
      saved,
      calendar: {
        storedYear: async (y: number) => (stored?.year === y ? stored : undefined),
        save: async (year: typeof y2026, audit: readonly unknown[]) => void saved.push({ year, audit: [...audit] }),
      },
    };
  };
  const year = { ...y2026, source: '国办发明电〔2025〕7号' };

  it('imports a missing year, audited as the command', async () => {
    const { calendar, saved } = fake();
    await expect(importCalendarYear({ calendar, clock }, caller, { countyCode: '411521', year, force: false, dryRun: false }, meta)).resolves.toEqual({
      outcome: 'imported',
    });
    expect(saved[0]!.year).toMatchObject({ year: 2026, updatedAt: '2026-11-25T02:00:00.000Z' });
    expect(saved[0]!.audit).toEqual([
      expect.objectContaining({ action: 'calendar.year.put', actor: { userId: 'command:calendar:import', username: 'calendar:import', officeId: '411521' } }),
    ]);
  });

  it('keeps a different year a county entered unless forced; the same days are left alone', async () => {
    const entered = { ...year, holidays: year.holidays.slice(1), source: '县里录入' };
    const kept = fake(entered);
    expect(
      (await importCalendarYear({ calendar: kept.calendar, clock }, caller, { countyCode: '411521', year, force: false, dryRun: false }, meta)).outcome,
    ).toBe('kept');
    expect(kept.saved).toEqual([]);
    expect(
      (await importCalendarYear({ calendar: kept.calendar, clock }, caller, { countyCode: '411521', year, force: true, dryRun: false }, meta)).outcome,
    ).toBe('overwritten');
    const same = fake({ ...year, source: '另一文号' });
    expect(
      (await importCalendarYear({ calendar: same.calendar, clock }, caller, { countyCode: '411521', year, force: true, dryRun: false }, meta)).outcome,
    ).toBe('unchanged');
    const dry = fake();
    expect(
      (await importCalendarYear({ calendar: dry.calendar, clock }, caller, { countyCode: '411521', year, force: false, dryRun: true }, meta)).outcome,
    ).toBe('would-import');
    expect(dry.saved).toEqual([]);
  });
});
