import { httpHandler } from '../../shared/http/handler.ts';
import { recallCurrent } from '../../shared/hall/tickets.ts';
import { hallPorts } from '../../shared/hall/wiring.ts';

const ports = hallPorts();

/** POST /api/windows/recall: the window's current ticket (see recallCurrent). */
export const handler = httpHandler('windows-recall', {}, async (req) => ({ body: await recallCurrent(ports, req.principal, req.meta) }));
