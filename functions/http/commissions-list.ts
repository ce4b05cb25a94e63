import * as z from 'zod';
import { httpHandler } from '../../shared/http/handler.ts';
import { myCommissions } from '../../shared/network/commission-views.ts';
import { networkPorts } from '../../shared/app/wiring.ts';

const ports = networkPorts();

const query = z.object({ cursor: z.string().max(2000).optional() });

/** GET /api/commissions: 我的代办 — the agent's commissions with their status, newest first, paged. */
export const handler = httpHandler('commissions-list', { query }, async (req) => ({ body: await myCommissions(ports, req.principal, req.query) }));
