import { httpHandler } from '../../shared/http/handler.ts';
import { inboxCounts } from '../../shared/network/inbox.ts';
import { networkPorts } from '../../shared/app/wiring.ts';

const ports = networkPorts();

/** GET /api/inbox/counts: how much waits for the caller's office, by kind (the menu's badges). */
export const handler = httpHandler('cases-forward-counts', {}, async (req) => ({ body: await inboxCounts(ports, req.principal) }));
