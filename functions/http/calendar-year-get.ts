import { httpHandler } from '../../shared/http/handler.ts';
import { yearParams } from '../../shared/calendar/schemas.ts';
import { loadCalendar } from '../../shared/calendar/store.ts';

/** GET /api/calendar/years/{year}: the year's holidays and makeup workdays, or `missing`. */
export const handler = httpHandler('calendar-year-get', { params: yearParams }, async ({ params }) => {
  const { years } = await loadCalendar();
  const year = years.find((y) => y.year === params.year);
  return { body: year ? { year, missing: false } : { year: { year: params.year, holidays: [], makeupWorkdays: [], source: '' }, missing: true } };
});
