import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { hallInfo } from '../../shared/hall/appointments.ts';
import { officeIdField } from '../../shared/hall/model.ts';
import { hallPorts } from '../../shared/hall/wiring.ts';

const ports = hallPorts();

/** GET /api/public/offices/{officeId}/hall: hours, item groups, queues of a center (the booking page and the kiosk). Public. */
export const handler = httpHandler('hall-office', { params: z.object({ officeId: officeIdField }) }, async (req) => ({
  body: hallInfo(ports, req.params.officeId),
}));
