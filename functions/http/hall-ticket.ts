import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { officeIdField, ticketBody } from '../../shared/hall/model.ts';
import { issueTicket } from '../../shared/hall/tickets.ts';
import { hallPorts } from '../../shared/hall/wiring.ts';

const ports = hallPorts();

/** POST /api/public/offices/{officeId}/tickets `{queue}` | `{appointmentCode}`: the kiosk's 取号 / 预约签到. Public, rate-limited. */
export const handler = httpHandler('hall-ticket', { params: z.object({ officeId: officeIdField }), body: ticketBody }, async (req) => ({
  status: 201,
  body: await issueTicket(ports, req.params.officeId, req.body, req.meta),
}));
