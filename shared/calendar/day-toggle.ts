/**
 * 工作日历 by the day, as the month view edits it. A weekday is a 工作日 unless it is a 节假日;
 * a weekend day is a 休息日 unless it is a 调休上班 day or falls inside a holiday (the notices
 * list whole periods, weekends included).
 */
export type DayKind = 'workday' | 'rest' | 'holiday' | 'makeup';

export const DAY_KIND_LABELS: Record<DayKind, string> = { workday: '工作日', rest: '休息日', holiday: '节假日', makeup: '调休上班' };

export interface DayLists {
  holidays: readonly string[];
  makeupWorkdays: readonly string[];
}

const isWeekend = (iso: string): boolean => {
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6;
};

export const dayKind = (iso: string, lists: DayLists): DayKind => {
  if (lists.holidays.includes(iso)) return 'holiday';
  if (lists.makeupWorkdays.includes(iso)) return 'makeup';
  return isWeekend(iso) ? 'rest' : 'workday';
};

/**
 * One click on a day: a weekday goes 工作日 → 节假日 → 工作日; a weekend day 休息日 → 调休上班 →
 * 节假日 → 休息日. A 调休上班 day is only ever a weekend day (the server refuses others).
 */
export const toggleDay = (iso: string, lists: DayLists): { holidays: string[]; makeupWorkdays: string[]; kind: DayKind } => {
  const current = dayKind(iso, lists);
  const next: DayKind = isWeekend(iso)
    ? ({ rest: 'makeup', makeup: 'holiday', holiday: 'rest', workday: 'makeup' } as const)[current]
    : current === 'holiday'
      ? 'workday'
      : 'holiday';
  const holidays = lists.holidays.filter((d) => d !== iso);
  const makeupWorkdays = lists.makeupWorkdays.filter((d) => d !== iso);
  if (next === 'holiday') holidays.push(iso);
  if (next === 'makeup') makeupWorkdays.push(iso);
  return { holidays: holidays.sort(), makeupWorkdays: makeupWorkdays.sort(), kind: next };
};
