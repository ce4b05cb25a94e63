import { httpHandler } from '../../shared/http/handler.ts';
import { ValidationError } from '../../shared/errors/domain-errors.ts';
import { yearParams } from '../../shared/calendar/schemas.ts';
import { calendarYearSchema } from '../../shared/calendar/year.ts';
import { saveCalendarYear } from '../../shared/calendar/store.ts';
import { actorOf } from '../../shared/audit/audit.ts';

/** PUT /api/calendar/years/{year}: the county admin enters a year's arrangement (audited). */
export const handler = httpHandler('calendar-year-put', { params: yearParams, body: calendarYearSchema }, async (req) => {
  if (req.body.year !== req.params.year) throw new ValidationError('年份与路径不一致', [{ path: 'year', message: `应为 ${req.params.year}` }]);
  const year = await saveCalendarYear(req.body, actorOf(req.principal), req.meta);
  return { body: { year } };
});
