import { httpHandler } from '../../shared/http/handler.ts';
import { staffView } from '../../shared/cases/views.ts';
import { supplementByAgent } from '../../shared/network/commissions.ts';
import { commissionParams, networkBodies } from '../../shared/network/model.ts';
import { networkPorts } from '../../shared/app/wiring.ts';

const ports = networkPorts();

/** POST /api/commissions/{id}/supplement: the agent records the materials brought for a commission in 待补正 (补交材料). */
export const handler = httpHandler('commissions-supplement', { params: commissionParams, body: networkBodies.supplement }, async (req) => {
  const r = await supplementByAgent(ports, req.principal, { id: req.params.id, ...req.body }, req.meta);
  return { body: { case: staffView(r.case, req.principal), replayed: r.replayed } };
});
