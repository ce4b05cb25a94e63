import { httpHandler } from '../../shared/http/handler.ts';
import { listOffices } from '../../shared/identity/staff.ts';
import { staffPorts } from '../../shared/identity/wiring.ts';

const ports = staffPorts();

/** GET /api/offices: the county's office tree (flat, with parent ids). */
export const handler = httpHandler('offices-list', {}, async () => ({ body: { offices: await listOffices(ports) } }));
