import { httpHandler } from '../../shared/http/handler.ts';
import { dueDateQuery } from '../../shared/calendar/schemas.ts';
import { dueDate } from '../../shared/calendar/due-date.ts';
import { calendarPorts } from '../../shared/calendar/wiring.ts';

const ports = calendarPorts();

/** GET /api/calendar/due-date?from=YYYY-MM-DD&workdays=N → {dueDate, provisional}. Public. */
export const handler = httpHandler('calendar-due-date', { query: dueDateQuery }, async (req) => ({
  body: await dueDate(ports, req.principal, req.query),
  headers: { 'cache-control': 'public, max-age=300' },
}));
