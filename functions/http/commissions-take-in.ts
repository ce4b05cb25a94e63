import { httpHandler } from '../../shared/http/handler.ts';
import { staffView } from '../../shared/cases/views.ts';
import { takeIn } from '../../shared/network/commissions.ts';
import { commissionView } from '../../shared/network/commission-views.ts';
import { commissionParams, networkBodies } from '../../shared/network/model.ts';
import { networkPorts } from '../../shared/app/wiring.ts';

const ports = networkPorts();

/** POST /api/commissions/{id}/take-in: the township takes the commission in — 201 with the new case. */
export const handler = httpHandler('commissions-take-in', { params: commissionParams, body: networkBodies.takeIn }, async (req) => {
  const r = await takeIn(ports, req.principal, { id: req.params.id, ...req.body }, req.meta);
  return { status: 201, body: { case: staffView(r.case, req.principal), commission: commissionView(r.commission, ports.clock()) } };
});
