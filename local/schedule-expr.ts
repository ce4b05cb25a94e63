/**
 * EventBridge schedule expressions, evaluated locally the way EventBridge does (UTC):
 * `rate(5 minutes)` and `cron(min hour day-of-month month day-of-week year)`.
 */
export type Schedule = { kind: 'rate'; everyMs: number } | { kind: 'cron'; matches: (d: Date) => boolean };

const UNITS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };
const DOW: Record<string, number> = { SUN: 1, MON: 2, TUE: 3, WED: 4, THU: 5, FRI: 6, SAT: 7 };
const MON: Record<string, number> = { JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12 };

const field = (spec: string, min: number, max: number, names: Record<string, number> = {}): ((v: number) => boolean) => {
  if (spec === '*' || spec === '?') return () => true;
  const num = (s: string): number => {
    const n = names[s.toUpperCase()] ?? Number(s);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`bad cron value "${s}"`);
    return n;
  };
  const sets = spec.split(',').map((part) => {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    const [lo, hi] =
      range === '*' || range === undefined ? [min, max] : range.includes('-') ? range.split('-').map(num) : [num(range), stepText ? max : num(range)];
    return (v: number) => v >= lo! && v <= hi! && (v - lo!) % step === 0;
  });
  return (v) => sets.some((f) => f(v));
};

export const parseSchedule = (expression: string): Schedule => {
  const rate = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(expression);
  if (rate) return { kind: 'rate', everyMs: Number(rate[1]) * UNITS[rate[2]!]! };
  const cron = /^cron\((.+)\)$/.exec(expression);
  const parts = cron?.[1]?.trim().split(/\s+/);
  if (!parts || parts.length !== 6) throw new Error(`unsupported schedule expression: ${expression}`);
  const [mi, h, dom, mo, dow, yr] = parts as [string, string, string, string, string, string];
  const fMin = field(mi, 0, 59);
  const fHour = field(h, 0, 23);
  const fDom = field(dom, 1, 31);
  const fMon = field(mo, 1, 12, MON);
  const fDow = field(dow, 1, 7, DOW);
  const fYear = field(yr, 1970, 2199);
  return {
    kind: 'cron',
    matches: (d) =>
      fMin(d.getUTCMinutes()) &&
      fHour(d.getUTCHours()) &&
      fDom(d.getUTCDate()) &&
      fMon(d.getUTCMonth() + 1) &&
      fDow(d.getUTCDay() + 1) &&
      fYear(d.getUTCFullYear()),
  };
};
