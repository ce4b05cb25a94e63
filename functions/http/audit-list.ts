import { httpHandler } from '../../shared/http/handler.ts';
import { auditQuery, browseAudit } from '../../shared/audit/browse.ts';

/** GET /api/audit: supervisors and the county admin browse audit events with filters. */
export const handler = httpHandler('audit-list', { query: auditQuery }, async (req) => ({ body: await browseAudit(req.query) }));
