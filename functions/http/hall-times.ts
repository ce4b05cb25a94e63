import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { hallTimes, hallTimesWorkbook } from '../../shared/hall/figures.ts';
import { hallPorts } from '../../shared/hall/wiring.ts';
import { calendarMonth } from '../../shared/schema/date.ts';

const ports = hallPorts();

/** GET /api/hall/times?month=YYYY-MM[&format=xlsx]: waiting and service times per office, queue and window (JSON or Excel). */
export const handler = httpHandler(
  'hall-times',
  {
    query: z.object({
      month: calendarMonth.optional(),
      format: z.enum(['json', 'xlsx']).default('json'),
    }),
  },
  async (req) => {
    const r = await hallTimes(ports, req.principal, req.query.month);
    if (req.query.format === 'json') return { body: r };
    const file = await hallTimesWorkbook(r);
    return {
      file: {
        base64: Buffer.from(file).toString('base64'),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename: `大厅等候与办理时长-${r.month}.xlsx`,
      },
    };
  },
);
