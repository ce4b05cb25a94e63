import { httpHandler } from '../../shared/http/handler.ts';
import { caseIdParams } from '../../shared/cases/model.ts';
import { handBack } from '../../shared/network/commissions.ts';
import { networkBodies } from '../../shared/network/model.ts';
import { networkPorts } from '../../shared/app/wiring.ts';

const ports = networkPorts();

/** POST /api/cases/{id}/hand-back: 回交 — 202, the result goes back to the village station. */
export const handler = httpHandler('commissions-hand-back', { params: caseIdParams, body: networkBodies.handBack }, async (req) => {
  const r = await handBack(ports, req.principal, { id: req.params.id, ...req.body }, req.meta);
  return { status: 202, body: { handBackId: r.handBackId } };
});
