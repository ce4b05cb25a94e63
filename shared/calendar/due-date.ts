import { addWorkdays, type DueDate } from './working-days.ts';
import type { CalendarCache } from './load.ts';

/** The due date N working days after a day (public: the kiosk and the guide pages ask it). */
export const dueDate = async (
  ports: { cache: Pick<CalendarCache, 'load'> },
  _principal: unknown,
  input: { from: string; workdays: number },
): Promise<DueDate> => {
  const { cal } = await ports.cache.load();
  return addWorkdays(input.from, input.workdays, cal);
};
