import { httpHandler } from '../../shared/http/handler.ts';
import { todaysDigest } from '../../shared/supervision/inbox.ts';
import { inboxPorts } from '../../shared/supervision/wiring.ts';

const ports = inboxPorts();

/** GET /api/alerts/digest: today's 08:30 digest for the caller (county or office). */
export const handler = httpHandler('alerts-digest', {}, async (req) => ({ body: await todaysDigest(ports, req.principal) }));
