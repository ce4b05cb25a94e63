import { httpHandler } from '../../shared/http/handler.ts';
import { issueOrderBody } from '../../shared/supervision/order.ts';
import { issueOrder } from '../../shared/supervision/orders.ts';
import { orderPorts } from '../../shared/supervision/wiring.ts';

const ports = orderPorts();

/** POST /api/supervision/orders: a 督办单 to the office holding a case (requirement, deadline in working days). */
export const handler = httpHandler('supervision-orders-create', { body: issueOrderBody }, async (req) => ({
  status: 201,
  body: { order: await issueOrder(ports, req.principal, req.body, req.meta) },
}));
