import { httpHandler, requirePrincipal } from '../../shared/http/handler.ts';
import { ValidationError } from '../../shared/errors/domain-errors.ts';
import { yearParams } from '../../shared/calendar/schemas.ts';
import { calendarYearSchema } from '../../shared/calendar/year.ts';
import { calendarStore, forgetCalendar } from '../../shared/calendar/store.ts';
import { auditPut, actorOf } from '../../shared/audit/audit.ts';
import { dynamo } from '../../shared/aws/clients.ts';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';

/** PUT /api/calendar/years/{year}: the county admin enters a year's arrangement (audited). */
export const handler = httpHandler('calendar-year-put', { params: yearParams, body: calendarYearSchema }, async (req) => {
  const p = requirePrincipal(req);
  if (req.body.year !== req.params.year) throw new ValidationError('年份与路径不一致', [{ path: 'year', message: `应为 ${req.params.year}` }]);
  const year = { ...req.body, updatedAt: new Date().toISOString() };
  await dynamo().send(
    new TransactWriteCommand({
      TransactItems: [
        calendarStore.putItem(year),
        auditPut({ actor: actorOf(p), action: 'calendar.year.put', target: { type: 'calendar', id: String(year.year) }, result: 'success', sourceIp: req.sourceIp, userAgent: req.userAgent }),
      ],
    }),
  );
  forgetCalendar();
  return { body: { year } };
});
