import { httpHandler } from '../../shared/http/handler.ts';
import { transferBody } from '../../shared/hall/model.ts';
import { transferCurrent } from '../../shared/hall/tickets.ts';
import { hallPorts } from '../../shared/hall/wiring.ts';

const ports = hallPorts();

/** POST /api/windows/transfer `{window}`: 转窗口 — the current ticket waits for that window, called there first. */
export const handler = httpHandler('windows-transfer', { body: transferBody }, async (req) => ({
  body: await transferCurrent(ports, req.principal, req.body.window, req.meta),
}));
