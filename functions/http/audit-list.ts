import { httpHandler } from '../../shared/http/handler.ts';
import { auditQuery, browseAudit } from '../../shared/audit/browse.ts';
import { auditReadPorts } from '../../shared/audit/wiring.ts';

const ports = auditReadPorts();

/** GET /api/audit: supervisors and the county admin browse audit events with filters. */
export const handler = httpHandler('audit-list', { query: auditQuery }, async (req) => ({ body: await browseAudit(ports, req.principal, req.query) }));
