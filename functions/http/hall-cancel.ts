import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { cancelAppointment } from '../../shared/hall/appointments.ts';
import { appointmentCodeField, cancelBody } from '../../shared/hall/model.ts';
import { hallPorts } from '../../shared/hall/wiring.ts';

const ports = hallPorts();

/** POST /api/public/appointments/{code}/cancel `{phone}`: cancels with the code and the phone it was booked with. Public, rate-limited. */
export const handler = httpHandler('hall-cancel', { params: z.object({ code: appointmentCodeField }), body: cancelBody }, async (req) => ({
  body: await cancelAppointment(ports, req.params.code, req.body.phone, req.meta),
}));
