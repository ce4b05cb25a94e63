import { addDays, isWorkday, type Calendar } from '../calendar/working-days.ts';
import { bjDay, bjWallInstant } from '../platform/beijing-time.ts';
import { SLOT_ID, type Slot } from './model.ts';
import type { HallSettings, ItemGroup, OfficeHall } from './settings.ts';

/**
 * Slots are not stored: they follow from the office's opening hours, slot length and item groups on
 * every working day (holidays closed, 调休 days open). Only the bookings of a slot are stored (its
 * counter), so changing the hours in the county config changes the slots of every day at once.
 */

/** No booking horizon reaches further than this many calendar days, whatever the calendar says. */
const MAX_SCAN_DAYS = 62;

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmmOf = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
export const instantOf = bjWallInstant;
const compact = (date: string): string => date.replaceAll('-', '');

/** The start and end (HH:mm) of each slot of a day: whole slots inside each opening range. */
export const slotTimes = (hall: OfficeHall): Array<{ from: string; to: string }> => {
  const out: Array<{ from: string; to: string }> = [];
  for (const r of hall.hours) {
    // at most 24 h / 10 min per range (schema: slotMinutes ≥ 10)
    for (let m = minutes(r.from); m + hall.slotMinutes <= minutes(r.to); m += hall.slotMinutes) out.push({ from: hhmmOf(m), to: hhmmOf(m + hall.slotMinutes) });
  }
  return out;
};

export const slotId = (date: string, from: string, group: string): string => `${compact(date)}-${from.replace(':', '')}-${group}`;

export interface ParsedSlot {
  date: string;
  from: string;
  to: string;
  group: ItemGroup;
  start: string;
  end: string;
}

/** A slot id back to its day, times and group, if the office has such a slot at all (any day). */
export const parseSlot = (hall: OfficeHall, id: string): ParsedSlot | undefined => {
  const m = SLOT_ID.exec(id);
  if (!m) return undefined;
  const [, d, t, g] = m as unknown as [string, string, string, string];
  const date = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  const from = `${t.slice(0, 2)}:${t.slice(2, 4)}`;
  const group = hall.groups.find((x) => x.id === g);
  const times = slotTimes(hall).find((x) => x.from === from);
  if (!group || !times || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return undefined;
  return { date, from, to: times.to, group, start: instantOf(date, from), end: instantOf(date, times.to) };
};

/** The counter key of a slot inside its day: group and start. */
export const slotKey = (group: string, from: string): string => `${group}#${from.replace(':', '')}`;

/** The counter key of a slot from its id. */
export const slotKeyOfId = (id: string): string => {
  const m = SLOT_ID.exec(id);
  return m ? `${m[3]}#${m[2]}` : id;
};

/** The working days open for booking now: today (China) and on, `bookingDays` of them. */
export const bookableDays = (settings: Pick<HallSettings, 'bookingDays'>, cal: Calendar, now: Date): string[] => {
  const out: string[] = [];
  let d = bjDay(now);
  for (let i = 0; i < MAX_SCAN_DAYS && out.length < settings.bookingDays; i++, d = addDays(d, 1)) if (isWorkday(d, cal)) out.push(d);
  return out;
};

/** A slot that starts later than `latestBookingMinutes` from now can still be booked. */
export const stillBookable = (start: string, settings: Pick<HallSettings, 'latestBookingMinutes'>, now: Date): boolean =>
  Date.parse(start) - now.getTime() >= settings.latestBookingMinutes * 60_000;

/** The slots of one day with what is left in each, given the day's booked counts (by `slotKey`). */
export const daySlots = (
  hall: OfficeHall,
  date: string,
  booked: ReadonlyMap<string, number>,
  settings: Pick<HallSettings, 'latestBookingMinutes'>,
  now: Date,
  group?: string,
): Slot[] =>
  hall.groups
    .filter((g) => !group || g.id === group)
    .flatMap((g) =>
      slotTimes(hall).map((t) => {
        const start = instantOf(date, t.from);
        const left = stillBookable(start, settings, now) ? Math.max(0, g.capacity - (booked.get(slotKey(g.id, t.from)) ?? 0)) : 0;
        return { id: slotId(date, t.from, g.id), start, end: instantOf(date, t.to), capacity: g.capacity, left, group: g.id, groupName: g.name };
      }),
    )
    .sort((a, b) => a.start.localeCompare(b.start) || a.group.localeCompare(b.group));

/** The group an item is booked into: the first that lists it, else the first that takes every item. */
export const groupOfItem = (hall: OfficeHall, itemCode: string): ItemGroup | undefined =>
  hall.groups.find((g) => g.items.includes(itemCode)) ?? hall.groups.find((g) => g.items.length === 0);
