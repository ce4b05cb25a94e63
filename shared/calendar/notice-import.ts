import { ValidationError, type FieldIssue } from '../errors/domain-errors.ts';
import type { Sheet } from '../sheets/xlsx.ts';
import { calendarYearSchema, type CalendarYear } from './year.ts';
import { fieldIssues } from '../errors/field-issues.ts';

/**
 * Next year's working days come from the State Council's yearly notice (国务院办公厅关于部分节假日
 * 安排的通知), published around November. Counties receive it as a calendar file (ICS, as the
 * phone and desktop calendars publish it) or as a spreadsheet the provincial office types up;
 * both become the same CalendarYear, validated as if entered by hand. Pure and isomorphic: the
 * web page parses the file in the browser, the province-wide command in Node.
 */
export type DayKind = 'holiday' | 'makeup';

export interface NoticeImport {
  year: CalendarYear;
  /** Lines that were not days of the year: other years, events that are neither 休 nor 班. */
  skipped: string[];
}

const MAKEUP = /补班|上班|调休上班|[（(【\s]班[）)】\s]?$|^班$/;
const HOLIDAY = /放假|休息|假期|假日|节假日|[（(【\s]休[）)】\s]?$|^休$/;

/** 上班 before 休: "春节调休上班" is a working day. */
export const kindOf = (text: string): DayKind | undefined => {
  const t = text.trim();
  if (MAKEUP.test(t)) return 'makeup';
  if (HOLIDAY.test(t)) return 'holiday';
  return undefined;
};

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number): string => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

const build = (year: number, days: Map<string, DayKind>, source: string, skipped: string[]): NoticeImport => {
  const holidays = [...days]
    .filter(([, k]) => k === 'holiday')
    .map(([d]) => d)
    .sort();
  const makeupWorkdays = [...days]
    .filter(([, k]) => k === 'makeup')
    .map(([d]) => d)
    .sort();
  if (!holidays.length && !makeupWorkdays.length)
    throw new ValidationError(`文件中没有 ${year} 年的放假或调休上班日期`, [{ path: 'file', message: `没有 ${year} 年的日期` }]);
  const parsed = calendarYearSchema.safeParse({ year, holidays, makeupWorkdays, source });
  if (!parsed.success) {
    const issues = fieldIssues(parsed.error);
    throw new ValidationError(issues[0]!.message, issues);
  }
  return { year: parsed.data, skipped };
};

const put = (days: Map<string, DayKind>, day: string, kind: DayKind, where: string): FieldIssue | undefined => {
  const before = days.get(day);
  if (before && before !== kind) return { path: where, message: `${day} 既标为放假又标为上班` };
  days.set(day, kind);
  return undefined;
};

// ---------- ICS (RFC 5545) ----------

/** Lines unfolded (a line starting with a space or tab continues the previous one). */
const unfold = (text: string): string[] =>
  text
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n');

const icsDate = (value: string): string | undefined => {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  const d = m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
  // 20271345 is not a day: refused here rather than thrown by Date further on
  return d && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && iso(new Date(`${d}T00:00:00Z`)) === d ? d : undefined;
};

const unescape = (s: string): string => s.replace(/\\n/gi, ' ').replace(/\\([,;\\])/g, '$1');

export const parseNoticeIcs = (text: string, year: number, source: string): NoticeImport => {
  if (!/BEGIN:VCALENDAR/i.test(text)) throw new ValidationError('文件不是 ICS 日历（缺少 BEGIN:VCALENDAR）', [{ path: 'file', message: '不是 ICS 日历' }]);
  const days = new Map<string, DayKind>();
  const skipped: string[] = [];
  const issues: FieldIssue[] = [];
  let ev: Record<string, string> | undefined;
  let n = 0;
  for (const line of unfold(text)) {
    if (/^BEGIN:VEVENT/i.test(line)) ev = {};
    else if (/^END:VEVENT/i.test(line) && ev) {
      n++;
      const summary = unescape(ev.SUMMARY ?? '');
      const start = icsDate(ev.DTSTART ?? '');
      // Apple's feed marks the day type explicitly; others put 休/班 in the category or the title
      const special = (ev['X-APPLE-SPECIAL-DAY'] ?? '').toUpperCase();
      const kind =
        special === 'ALTERNATE-WORKDAY' ? 'makeup' : special === 'WORK-HOLIDAY' ? 'holiday' : (kindOf(unescape(ev.CATEGORIES ?? '')) ?? kindOf(summary));
      if (!start || !kind) skipped.push(`事件 ${n}「${summary || '无标题'}」${start ? '不是放假或调休上班' : '没有日期'}`);
      else {
        const endExclusive = icsDate(ev.DTEND ?? '') ?? addDays(start, 1);
        // only the days inside the year are walked: an event running to 9999 costs 366 steps at most
        const [first, stop] = [start < `${year}-01-01` ? `${year}-01-01` : start, endExclusive > `${year + 1}-01-01` ? `${year + 1}-01-01` : endExclusive];
        for (let d = first; d < stop; d = addDays(d, 1)) {
          const issue = put(days, d, kind, `events.${n}`);
          if (issue) issues.push(issue);
        }
        if (!start.startsWith(`${year}-`) && !addDays(endExclusive, -1).startsWith(`${year}-`)) skipped.push(`事件 ${n}「${summary}」不在 ${year} 年`);
      }
      ev = undefined;
    } else if (ev) {
      const m = /^([A-Za-z-]+)(?:;[^:]*)?:(.*)$/.exec(line);
      if (m) ev[m[1]!.toUpperCase()] = m[2]!;
    }
  }
  if (issues.length) throw new ValidationError(issues[0]!.message, issues);
  return build(year, days, source, skipped);
};

// ---------- spreadsheet (XLSX or CSV) ----------

/** 2027-01-01, 2027/1/1, 2027.1.1, 2027年1月1日, or an Excel date serial. */
export const cellDate = (raw: string): string | undefined => {
  const s = raw.trim();
  if (/^\d{5}(\.\d+)?$/.test(s)) return iso(new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(s)) * 86_400_000));
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) return undefined;
  const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return iso(new Date(`${d}T00:00:00Z`)) === d ? d : undefined;
};

const HEADERS = { date: /^(日期|开始日期|起始日期)$/, end: /^(结束日期|截止日期|至)$/, kind: /^(类型|安排|放假\/上班|休\/班)$/ };

export const parseNoticeSheets = (sheets: readonly Sheet[], year: number, source: string): NoticeImport => {
  for (const sheet of sheets) {
    const headerRow = sheet.rows.find((r) => r.cells.some((c) => HEADERS.date.test(c.trim())));
    if (!headerRow) continue;
    const col = (re: RegExp) => headerRow.cells.findIndex((c) => re.test(c.trim()));
    const [dateCol, endCol, kindCol] = [col(HEADERS.date), col(HEADERS.end), col(HEADERS.kind)];
    if (kindCol < 0) throw new ValidationError(`工作表「${sheet.name}」缺少“类型”列（放假 / 上班）`, [{ path: `${sheet.name}.类型`, message: '缺少类型列' }]);
    const days = new Map<string, DayKind>();
    const skipped: string[] = [];
    const issues: FieldIssue[] = [];
    for (const r of sheet.rows.filter((x) => x.row > headerRow.row)) {
      const [rawDate = '', rawEnd = '', rawKind = ''] = [r.cells[dateCol], endCol >= 0 ? r.cells[endCol] : '', r.cells[kindCol]];
      if (!rawDate.trim() && !rawKind.trim()) continue;
      const where = `${sheet.name}.第${r.row}行`;
      const start = cellDate(rawDate);
      const end = rawEnd.trim() ? cellDate(rawEnd) : start;
      const kind = kindOf(rawKind);
      if (!start || !end) issues.push({ path: where, message: `日期无法识别：${rawDate}${rawEnd ? ` 至 ${rawEnd}` : ''}` });
      else if (!kind) issues.push({ path: where, message: `类型须为“放假”或“上班”：${rawKind || '（空）'}` });
      else if (end < start) issues.push({ path: where, message: `结束日期 ${end} 早于开始日期 ${start}` });
      else {
        if (!start.startsWith(`${year}-`) && !end.startsWith(`${year}-`)) skipped.push(`${where} 不在 ${year} 年`);
        const [first, last] = [start < `${year}-01-01` ? `${year}-01-01` : start, end > `${year}-12-31` ? `${year}-12-31` : end];
        for (let d = first; d <= last; d = addDays(d, 1)) {
          const issue = put(days, d, kind, where);
          if (issue) issues.push(issue);
        }
      }
    }
    if (issues.length) throw new ValidationError(issues[0]!.message, issues);
    return build(year, days, source, skipped);
  }
  throw new ValidationError('没有找到带“日期”“类型”表头的工作表', [{ path: 'file', message: '缺少表头：日期、类型（放假 / 上班），可选：结束日期' }]);
};

export const defaultNoticeSource = (year: number, filename: string): string => `国务院办公厅关于${year}年部分节假日安排的通知（导入自 ${filename}）`;
