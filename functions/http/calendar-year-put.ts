import { httpHandler } from '../../shared/http/handler.ts';
import { yearParams } from '../../shared/calendar/schemas.ts';
import { calendarYearSchema } from '../../shared/calendar/year.ts';
import { saveCalendarYear } from '../../shared/calendar/years.ts';
import { calendarPorts } from '../../shared/calendar/wiring.ts';

const ports = calendarPorts();

/** PUT /api/calendar/years/{year}: the county admin enters a year's arrangement (audited). */
export const handler = httpHandler('calendar-year-put', { params: yearParams, body: calendarYearSchema }, async (req) => {
  const year = await saveCalendarYear(ports, req.principal, { year: req.params.year, arrangement: req.body }, req.meta);
  return { body: { year } };
});
