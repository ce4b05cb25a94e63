import { bjDay, bjEndOfDay } from '../platform/beijing-time.ts';
import { addWorkdays, type Calendar } from '../calendar/working-days.ts';
import type { RatingSettings } from './ports.ts';

/**
 * 差评 deadlines in working days from the day of the rating (that day not counted, as for every
 * limit): the callback (回访) and the rectification (整改), each ending at the close of its China day.
 */
export const taskDeadlines = (ratedAt: Date, cal: Calendar, settings: RatingSettings) => {
  const day = bjDay(ratedAt);
  const callback = addWorkdays(day, settings.callbackWorkdays, cal);
  const rectify = addWorkdays(day, settings.rectifyWorkdays, cal);
  return {
    callbackDueDate: callback.dueDate,
    callbackDueAt: bjEndOfDay(callback.dueDate),
    rectifyDueDate: rectify.dueDate,
    rectifyDueAt: bjEndOfDay(rectify.dueDate),
    provisional: callback.provisional || rectify.provisional,
  };
};

/** The county's limits as the stack hands them to the functions (defaults: 1 and 15 working days). */
export const DEFAULT_RATING_SETTINGS: RatingSettings = { callbackWorkdays: 1, rectifyWorkdays: 15 };
