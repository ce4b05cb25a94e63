import { httpHandler } from '../../shared/http/handler.ts';
import { seatBody } from '../../shared/hall/model.ts';
import { chooseWindow } from '../../shared/hall/tickets.ts';
import { hallPorts } from '../../shared/hall/wiring.ts';

const ports = hallPorts();

/** PUT /api/windows/seat `{window}`: the window of their office the clerk sits at. */
export const handler = httpHandler('windows-seat', { body: seatBody }, async (req) => ({ body: await chooseWindow(ports, req.principal, req.body.window) }));
