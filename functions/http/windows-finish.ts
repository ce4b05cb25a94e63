import { httpHandler } from '../../shared/http/handler.ts';
import { finishCurrent } from '../../shared/hall/tickets.ts';
import { hallPorts } from '../../shared/hall/wiring.ts';

const ports = hallPorts();

/** POST /api/windows/finish: the window's current ticket (see finishCurrent). */
export const handler = httpHandler('windows-finish', {}, async (req) => ({ body: await finishCurrent(ports, req.principal) }));
