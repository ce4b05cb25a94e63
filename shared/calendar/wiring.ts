import { systemClock } from '../platform/clock.ts';
import { dynamoCalendarStore } from './dynamo-calendar.ts';
import { calendarCache, type LoadedCalendar } from './load.ts';
import type { Calendar } from './working-days.ts';
import type { CalendarPorts } from './years.ts';

/**
 * The production wiring of the calendar, built once per container so every handler (and every
 * context that asks for the calendar) shares one cached copy.
 */
let ports: CalendarPorts | undefined;
export const calendarPorts = (): CalendarPorts => {
  if (!ports) {
    const store = dynamoCalendarStore();
    ports = { store, cache: calendarCache(store), clock: systemClock };
  }
  return ports;
};

/** How other contexts (cases, supervision) get the calendar: call it whenever a date is needed. */
export const calendarSource = (): (() => Promise<{ cal: Calendar }>) => {
  const { cache } = calendarPorts();
  return () => cache.load();
};

/** The cached calendar with its years; `now` (epoch ms) decides freshness. */
export const loadCalendar = (now?: number): Promise<LoadedCalendar> => calendarPorts().cache.load(now);

export const forgetCalendar = (): void => calendarPorts().cache.forget();
