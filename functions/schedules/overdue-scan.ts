import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '../../shared/log/logger.ts';
import { loadCalendar } from '../../shared/calendar/store.ts';
import { scanOverdue } from '../../shared/supervision/overdue-scan.ts';

/** Every 15 minutes: yellow and red cards for promised cases near or past their due date. */
export const handler = middy(async () => {
  const { cal } = await loadCalendar();
  return scanOverdue(new Date(), cal, Number(process.env.YELLOW_CARD_WORKDAYS ?? 2));
}).use(injectLambdaContext(logger, { resetKeys: true }));
