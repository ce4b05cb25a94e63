import { httpHandler } from '../../shared/http/handler.ts';
import { bookAppointment } from '../../shared/hall/appointments.ts';
import { bookBody } from '../../shared/hall/model.ts';
import { hallPorts } from '../../shared/hall/wiring.ts';

const ports = hallPorts();

/** POST /api/public/appointments: 预约 — 201 with the booking code, 409 when the slot is full. Public, rate-limited. */
export const handler = httpHandler('hall-book', { body: bookBody }, async (req) => ({ status: 201, body: await bookAppointment(ports, req.body, req.meta) }));
