import { httpHandler } from '../../shared/http/handler.ts';
import { hallList } from '../../shared/hall/appointments.ts';
import { hallPorts } from '../../shared/hall/wiring.ts';

const ports = hallPorts();

/** GET /api/public/halls: the service centers that take bookings and issue numbers. Public. */
export const handler = httpHandler('hall-offices', {}, async () => ({ body: hallList(ports) }));
