import { httpHandler } from '../../shared/http/handler.ts';
import { orderListQuery } from '../../shared/supervision/order.ts';
import { listOrders } from '../../shared/supervision/orders.ts';
import { orderPorts } from '../../shared/supervision/wiring.ts';

const ports = orderPorts();

/** GET /api/supervision/orders?state=&caseId=&officeId=: 督办单, newest first (a head: his office's). */
export const handler = httpHandler('supervision-orders-list', { query: orderListQuery }, async (req) => ({
  body: await listOrders(ports, req.principal, req.query),
}));
