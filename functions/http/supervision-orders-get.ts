import { httpHandler } from '../../shared/http/handler.ts';
import { orderIdParams } from '../../shared/supervision/order.ts';
import { getOrder } from '../../shared/supervision/orders.ts';
import { orderPorts } from '../../shared/supervision/wiring.ts';

const ports = orderPorts();

export const handler = httpHandler('supervision-orders-get', { params: orderIdParams }, async (req) => ({
  body: await getOrder(ports, req.principal, req.params),
}));
