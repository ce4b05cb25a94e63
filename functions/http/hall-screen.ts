import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { officeIdField } from '../../shared/hall/model.ts';
import { screenCalls } from '../../shared/hall/tickets.ts';
import { hallPorts } from '../../shared/hall/wiring.ts';

const ports = hallPorts();

/** GET /api/public/offices/{officeId}/screen: the day's latest calls (numbers and windows only) for the hall's screen. Public. */
export const handler = httpHandler('hall-screen', { params: z.object({ officeId: officeIdField }) }, async (req) => ({
  body: await screenCalls(ports, req.params.officeId),
}));
