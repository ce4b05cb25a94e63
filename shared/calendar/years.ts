import { actorOf } from '../audit/audit.ts';
import { ValidationError } from '../errors/domain-errors.ts';
import type { Principal } from '../identity/principal.ts';
import type { Clock } from '../platform/clock.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import type { CalendarCache } from './load.ts';
import type { CalendarStore } from './ports.ts';
import type { CalendarYear } from './year.ts';

export interface CalendarPorts {
  store: CalendarStore;
  cache: CalendarCache;
  clock: Clock;
}

/** A year's holidays and makeup workdays; `missing` (an empty year) when nobody has entered it yet. */
export const getCalendarYear = async (ports: Pick<CalendarPorts, 'cache'>, _principal: Principal, input: { year: number }) => {
  const { years } = await ports.cache.load();
  const year = years.find((y) => y.year === input.year);
  return year ? { year, missing: false } : { year: { year: input.year, holidays: [], makeupWorkdays: [], source: '' }, missing: true };
};

/**
 * The county admin enters a year's arrangement (the yearly State Council notice): the year and
 * its audit event are written together, and this container's copy of the calendar is dropped.
 */
export const saveCalendarYear = async (
  ports: CalendarPorts,
  principal: Principal,
  input: { year: number; arrangement: CalendarYear },
  meta: RequestMeta,
): Promise<CalendarYear> => {
  if (input.arrangement.year !== input.year) throw new ValidationError('年份与路径不一致', [{ path: 'year', message: `应为 ${input.year}` }]);
  const saved = { ...input.arrangement, updatedAt: ports.clock().toISOString() };
  await ports.store.saveYear(saved, {
    actor: actorOf(principal),
    action: 'calendar.year.put',
    target: { type: 'calendar', id: String(input.year) },
    result: 'success',
    ...meta,
  });
  ports.cache.forget();
  return saved;
};
