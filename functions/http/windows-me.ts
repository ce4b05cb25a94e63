import { httpHandler } from '../../shared/http/handler.ts';
import { windowState } from '../../shared/hall/tickets.ts';
import { hallPorts } from '../../shared/hall/wiring.ts';

const ports = hallPorts();

/** GET /api/windows/me: the clerk's window, its current ticket and who waits. */
export const handler = httpHandler('windows-me', {}, async (req) => ({ body: await windowState(ports, req.principal) }));
