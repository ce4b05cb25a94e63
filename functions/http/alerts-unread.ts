import { httpHandler } from '../../shared/http/handler.ts';
import { unreadAlerts } from '../../shared/supervision/inbox.ts';
import { inboxPorts } from '../../shared/supervision/wiring.ts';

const ports = inboxPorts();

/** GET /api/alerts/unread-count: the menu badge. */
export const handler = httpHandler('alerts-unread', {}, async (req) => ({ body: await unreadAlerts(ports, req.principal) }));
