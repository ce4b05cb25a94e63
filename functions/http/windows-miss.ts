import { httpHandler } from '../../shared/http/handler.ts';
import { missCurrent } from '../../shared/hall/tickets.ts';
import { hallPorts } from '../../shared/hall/wiring.ts';

const ports = hallPorts();

/** POST /api/windows/miss: the window's current ticket (see missCurrent). */
export const handler = httpHandler('windows-miss', {}, async (req) => ({ body: await missCurrent(ports, req.principal, req.meta) }));
