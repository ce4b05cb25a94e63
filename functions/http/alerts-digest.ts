import { httpHandler } from '../../shared/http/handler.ts';
import { digestQuery, todaysDigest } from '../../shared/supervision/inbox.ts';
import { inboxPorts } from '../../shared/supervision/wiring.ts';

const ports = inboxPorts();

/** GET /api/alerts/digest?day=: the 08:30 digest of a day (today by default) for the caller (county or office). */
export const handler = httpHandler('alerts-digest', { query: digestQuery }, async (req) => ({ body: await todaysDigest(ports, req.principal, req.query) }));
