/**
 * Every date and time a person sees is Beijing time (UTC+8, no daylight saving), whatever the
 * browser's or the server's time zone. Stored instants stay ISO UTC; only display converts.
 * Used by the web pages, the printed documents and the exports alike, so they always agree.
 */
const OFFSET_MS = 8 * 3_600_000;

const toDate = (t: string | Date): Date | undefined => {
  const d = typeof t === 'string' ? new Date(t) : t;
  return Number.isNaN(d.getTime()) ? undefined : d;
};
/** `YYYY-MM-DDTHH:mm:ss.sss` on Beijing's wall clock. */
const wall = (d: Date): string => new Date(d.getTime() + OFFSET_MS).toISOString();

/** A plain `YYYY-MM-DD` is already a calendar date (a due date): shown as is. */
const isPlainDate = (t: string | Date): t is string => typeof t === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(t);

/** 2026-11-23 */
export const bjDate = (t: string | Date | undefined | null, empty = '—'): string => {
  if (!t) return empty;
  if (isPlainDate(t)) return t;
  const d = toDate(t);
  return d ? wall(d).slice(0, 10) : empty;
};
/** 2026-11-23 14:05 */
export const bjDateTime = (t: string | Date | undefined | null, empty = '—'): string => {
  if (!t) return empty;
  const d = isPlainDate(t) ? undefined : toDate(t);
  return d ? wall(d).slice(0, 16).replace('T', ' ') : bjDate(t, empty);
};
/** 2026-11-23 14:05:09 (audit, exports) */
export const bjDateTimeSeconds = (t: string | Date | undefined | null, empty = '—'): string => {
  if (!t) return empty;
  const d = isPlainDate(t) ? undefined : toDate(t);
  return d ? wall(d).slice(0, 19).replace('T', ' ') : bjDate(t, empty);
};
/** 2026年11月23日 (legal documents) */
export const bjDateLong = (t: string | Date | undefined | null, empty = ''): string => {
  const s = bjDate(t, '');
  if (!s) return empty;
  const [y, m, d] = s.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};
/** The Beijing calendar day (`YYYY-MM-DD`) of an instant: the day counters, due dates and reports use. */
export const bjDay = (instant: Date): string => wall(instant).slice(0, 10);
/** The Beijing month (`YYYY-MM`) of an instant. */
export const bjMonth = (instant: Date): string => wall(instant).slice(0, 7);
/** The first instant of a Beijing calendar day, as an ISO instant. */
export const bjStartOfDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
/** The last instant of a Beijing calendar day, as an ISO instant (a deadline "by the end of that day"). */
export const bjEndOfDay = (day: string): string => new Date(Date.parse(`${day}T23:59:59.999+08:00`)).toISOString();
/** A Beijing wall-clock time of a day as an ISO instant with its +08:00 offset (a hall slot's start). */
export const bjWallInstant = (day: string, hhmm: string): string => `${day}T${hhmm}:00+08:00`;
/** 14:05 (a time later today, e.g. when a lock ends) */
export const bjHourMinute = (t: string | Date): string => {
  const d = toDate(t);
  return d ? wall(d).slice(11, 16) : '';
};
/** Beijing's current year (the calendar page's default year). */
export const bjYear = (now: Date = new Date()): number => Number(wall(now).slice(0, 4));
