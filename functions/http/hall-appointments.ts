import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { appointmentsOfDay } from '../../shared/hall/appointments.ts';
import { hallPorts } from '../../shared/hall/wiring.ts';
import { calendarDate } from '../../shared/schema/date.ts';

const ports = hallPorts();

/** GET /api/hall/appointments?date=YYYY-MM-DD: the clerk's office's appointments of a day (names and phones masked). */
export const handler = httpHandler(
  'hall-appointments',
  {
    query: z.object({
      date: calendarDate.optional(),
    }),
  },
  async (req) => ({ body: await appointmentsOfDay(ports, req.principal.officeId, req.query.date) }),
);
