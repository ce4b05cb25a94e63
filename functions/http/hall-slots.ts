import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { listSlots } from '../../shared/hall/appointments.ts';
import { officeIdField, slotsQuery } from '../../shared/hall/model.ts';
import { hallPorts } from '../../shared/hall/wiring.ts';

const ports = hallPorts();

/** GET /api/public/offices/{officeId}/slots?from=YYYY-MM-DD&days=N: the working days' slots with the places left. Public. */
export const handler = httpHandler('hall-slots', { params: z.object({ officeId: officeIdField }), query: slotsQuery }, async (req) => ({
  body: await listSlots(ports, req.params.officeId, req.query),
}));
