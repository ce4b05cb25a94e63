import { httpHandler } from '../../shared/http/handler.ts';
import { callBody } from '../../shared/hall/model.ts';
import { callNext } from '../../shared/hall/tickets.ts';
import { hallPorts } from '../../shared/hall/wiring.ts';

const ports = hallPorts();

/** POST /api/windows/call: 叫号 — 200 with the ticket called to this window, 204 when nobody waits. */
export const handler = httpHandler('windows-call', { body: callBody }, async (req) => {
  const { ticket } = await callNext(ports, req.principal, req.body, req.meta);
  return ticket ? { body: { ticket } } : { status: 204, body: undefined };
});
