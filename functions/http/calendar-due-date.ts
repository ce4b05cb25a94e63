import { httpHandler } from '../../shared/http/handler.ts';
import { dueDateQuery } from '../../shared/calendar/schemas.ts';
import { loadCalendar } from '../../shared/calendar/store.ts';
import { addWorkdays } from '../../shared/calendar/working-days.ts';

/** GET /api/calendar/due-date?from=YYYY-MM-DD&workdays=N → {dueDate, provisional}. Public. */
export const handler = httpHandler('calendar-due-date', { query: dueDateQuery }, async ({ query }) => {
  const { cal } = await loadCalendar();
  return { body: addWorkdays(query.from, query.workdays, cal), headers: { 'cache-control': 'public, max-age=300' } };
});
