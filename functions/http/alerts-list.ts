import { httpHandler } from '../../shared/http/handler.ts';
import { alertListQuery, listAlerts } from '../../shared/supervision/inbox.ts';
import { inboxPorts } from '../../shared/supervision/wiring.ts';

const ports = inboxPorts();

/** GET /api/alerts?state=&caseId=&card=&officeId=&cursor=: the caller's inbox, newest first. */
export const handler = httpHandler('alerts-list', { query: alertListQuery }, async (req) => ({ body: await listAlerts(ports, req.principal, req.query) }));
