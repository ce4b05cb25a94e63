import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { listInbox } from '../../shared/network/inbox.ts';
import { INBOX_KINDS } from '../../shared/cases/hop-labels.ts';
import { networkPorts } from '../../shared/app/wiring.ts';

const ports = networkPorts();

const query = z.object({
  kind: z.enum(INBOX_KINDS, { error: '待签收类型须为 case、task、commission 或 handback' }).default('case'),
  cursor: z.string().max(2000).optional(),
});

/** GET /api/inbox?kind=: 待签收 of the caller's office (cases, tasks, commissions, results handed back), paged. */
export const handler = httpHandler('cases-forward-inbox', { query }, async (req) => ({ body: await listInbox(ports, req.principal, req.query) }));
