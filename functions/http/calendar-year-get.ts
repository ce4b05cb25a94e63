import { httpHandler } from '../../shared/http/handler.ts';
import { yearParams } from '../../shared/calendar/schemas.ts';
import { getCalendarYear } from '../../shared/calendar/years.ts';
import { calendarPorts } from '../../shared/calendar/wiring.ts';

const ports = calendarPorts();

/** GET /api/calendar/years/{year}: the year's holidays and makeup workdays, or `missing`. */
export const handler = httpHandler('calendar-year-get', { params: yearParams }, async (req) => ({
  body: await getCalendarYear(ports, req.principal, req.params),
}));
