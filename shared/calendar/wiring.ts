import { systemClock } from '../platform/clock.ts';
import { containerSlot } from '../platform/runtime-config.ts';
import { dynamoCalendarStore } from './dynamo-calendar.ts';
import type { CalendarStore } from './ports.ts';
import { calendarCache, type CalendarCache, type LoadedCalendar } from './load.ts';
import type { Calendar } from './working-days.ts';
import type { CalendarPorts } from './years.ts';

/**
 * The production wiring of the calendar, built once per container so every handler (and every
 * context that asks for the calendar) shares one cached copy.
 */
const currentKept = containerSlot<{ store: CalendarStore; cache: CalendarCache }>();
const current = () =>
  currentKept.get(() => {
    const store = dynamoCalendarStore();
    return { store, cache: calendarCache(store) };
  });
/** Handlers keep these ports from their first call: the store and cache are looked up at each use. */
export const calendarPorts = (): CalendarPorts => ({
  get store() {
    return current().store;
  },
  get cache() {
    return current().cache;
  },
  clock: systemClock,
});

/** How other contexts (cases, supervision) get the calendar: call it whenever a date is needed. */
export const calendarSource = (): (() => Promise<{ cal: Calendar }>) => () => current().cache.load();

/** The cached calendar with its years; `now` (epoch ms) decides freshness. */
export const loadCalendar = (now?: number): Promise<LoadedCalendar> => current().cache.load(now);

export const forgetCalendar = (): void => current().cache.forget();
