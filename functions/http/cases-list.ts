import { httpHandler } from '../../shared/http/handler.ts';
import { listCases, listQuery } from '../../shared/cases/queries.ts';
import { casePorts } from '../../shared/cases/wiring.ts';

const ports = casePorts();

/** GET /api/cases?view=: the office's work lists (by status, due soon, overdue), names masked. */
export const handler = httpHandler('cases-list', { query: listQuery }, async (req) => ({ body: await listCases(ports, req.principal, req.query) }));
