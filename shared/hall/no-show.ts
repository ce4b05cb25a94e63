import { addDays } from '../calendar/working-days.ts';
import { bjDay } from '../platform/beijing-time.ts';
import type { Appointment } from './model.ts';
import type { HallSettings } from './settings.ts';

/**
 * The no-show rule (e.g. Quanzhou: 2 no-shows in a month → no booking for a month). A no-show is an
 * appointment still `booked` when its slot has ended: neither checked in nor cancelled. Worked out
 * from the phone's own appointments when it books, so no schedule has to mark anything.
 */
export const noShowDays = (apps: readonly Pick<Appointment, 'status' | 'end' | 'date'>[], now: Date): string[] =>
  apps
    .filter((a) => a.status === 'booked' && Date.parse(a.end) <= now.getTime())
    .map((a) => a.date)
    .sort()
    .reverse();

/**
 * The first day the phone may book again, if it is blocked at all: `blockDays` after the no-show
 * that completed `limit` within `withinDays`; the latest such block counts.
 */
export const blockedUntil = (days: readonly string[], rule: HallSettings['noShow']): string | undefined => {
  let until: string | undefined;
  for (let i = 0; i + rule.limit - 1 < days.length; i++) {
    const last = days[i]!;
    const first = days[i + rule.limit - 1]!;
    if (addDays(first, rule.withinDays) > last) {
      const end = addDays(last, rule.blockDays);
      if (!until || end > until) until = end;
    }
  }
  return until;
};

/** Blocked on `today` (China date of now)? Then the day it ends. */
export const noShowBlock = (apps: readonly Pick<Appointment, 'status' | 'end' | 'date'>[], rule: HallSettings['noShow'], now: Date): string | undefined => {
  const until = blockedUntil(noShowDays(apps, now), rule);
  return until && bjDay(now) < until ? until : undefined;
};
