import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { appointmentsOfDay } from '../../shared/hall/appointments.ts';
import { hallPorts } from '../../shared/hall/wiring.ts';

const ports = hallPorts();

/** GET /api/hall/appointments?date=YYYY-MM-DD: the clerk's office's appointments of a day (names and phones masked). */
export const handler = httpHandler(
  'hall-appointments',
  {
    query: z.object({
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式如 2026-12-08')
        .optional(),
    }),
  },
  async (req) => ({ body: await appointmentsOfDay(ports, req.principal.officeId, req.query.date) }),
);
