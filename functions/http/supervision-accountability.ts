import { httpHandler } from '../../shared/http/handler.ts';
import { accountabilityList } from '../../shared/supervision/orders.ts';
import { orderPorts } from '../../shared/supervision/wiring.ts';

const ports = orderPorts();

/** GET /api/supervision/accountability: 问责 — cases whose 督办 deadline passed unanswered. */
export const handler = httpHandler('supervision-accountability', {}, async (req) => ({ body: await accountabilityList(ports, req.principal) }));
