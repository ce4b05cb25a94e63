import { ValidationError } from '../errors/domain-errors.ts';

/**
 * The years the working-day calendar supports (its year schema accepts no other). Every date a
 * request brings is checked against them (./date.ts) and every loop over days stops
 * at them: no input can make a handler walk towards year 10000 — where `toISOString()` turns into
 * `+010000-…` and string comparisons stop meaning "later".
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
export const FIRST_DAY = `${FIRST_YEAR}-01-01`;
export const LAST_DAY = `${LAST_YEAR}-12-31`;
export const RANGE_MESSAGE = `日期须在 ${FIRST_YEAR}–${LAST_YEAR} 年之间`;

/** `YYYY-MM-DD` within the supported years (plain string order is date order inside them). */
export const inRange = (date: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= FIRST_DAY && date <= LAST_DAY;

/** Refuses (400, with the field's path) a day a loop would step outside the supported years. */
export const assertInRange = (date: string, path = 'date'): void => {
  if (!inRange(date)) throw new ValidationError(`${RANGE_MESSAGE}（${date.slice(0, 12)}）`, [{ path, message: RANGE_MESSAGE }]);
};
