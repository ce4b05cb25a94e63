import { httpHandler } from '../../shared/http/handler.ts';
import { ackAlert, alertIdParams } from '../../shared/supervision/inbox.ts';
import { inboxPorts } from '../../shared/supervision/wiring.ts';

const ports = inboxPorts();

/** POST /api/alerts/{id}/ack: 确认 (for the caller's side), audited. */
export const handler = httpHandler('alerts-ack', { params: alertIdParams }, async (req) => ({
  body: await ackAlert(ports, req.principal, req.params, req.meta),
}));
