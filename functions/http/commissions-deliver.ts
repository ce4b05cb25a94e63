import { httpHandler } from '../../shared/http/handler.ts';
import { deliverByAgent } from '../../shared/network/commissions.ts';
import { commissionView } from '../../shared/network/commission-views.ts';
import { commissionParams, networkBodies } from '../../shared/network/model.ts';
import { networkPorts } from '../../shared/app/wiring.ts';

const ports = networkPorts();

/** POST /api/commissions/{id}/deliver: the agent records handing the result to the applicant. */
export const handler = httpHandler('commissions-deliver', { params: commissionParams, body: networkBodies.deliver }, async (req) => {
  const r = await deliverByAgent(ports, req.principal, { id: req.params.id, ...req.body }, req.meta);
  return { body: { commission: commissionView(r.commission, ports.clock()) } };
});
