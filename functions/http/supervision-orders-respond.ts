import { httpHandler } from '../../shared/http/handler.ts';
import { orderIdParams, respondOrderBody } from '../../shared/supervision/order.ts';
import { respondOrder } from '../../shared/supervision/orders.ts';
import { orderPorts } from '../../shared/supervision/wiring.ts';

const ports = orderPorts();

/** POST /api/supervision/orders/{id}/respond: the office head's 反馈. */
export const handler = httpHandler('supervision-orders-respond', { params: orderIdParams, body: respondOrderBody }, async (req) => ({
  body: { order: await respondOrder(ports, req.principal, { id: req.params.id, response: req.body.response }, req.meta) },
}));
