import { httpHandler } from '../../shared/http/handler.ts';
import { listQuery } from '../../shared/cases/queries.ts';
import { listWork } from '../../shared/network/inbox.ts';
import { casePorts } from '../../shared/app/wiring.ts';

const ports = casePorts();

/** GET /api/cases?view=: the office's work lists (by status, due soon, overdue, 待签收), names masked. */
export const handler = httpHandler('cases-list', { query: listQuery }, async (req) => ({ body: await listWork(ports, req.principal, req.query) }));
