import { httpHandler } from '../../shared/http/handler.ts';
import { listCases, listQuery } from '../../shared/cases/queries.ts';
import { loadCalendar } from '../../shared/calendar/store.ts';

/** GET /api/cases?view=: the office's work lists (by status, due soon, overdue), names masked. */
export const handler = httpHandler('cases-list', { query: listQuery }, async (req) => {
  const { cal } = await loadCalendar();
  return { body: await listCases(req.principal, req.query, new Date(), cal) };
});
