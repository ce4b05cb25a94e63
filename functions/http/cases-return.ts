import { httpHandler } from '../../shared/http/handler.ts';
import { caseIdParams } from '../../shared/cases/model.ts';
import { networkBodies } from '../../shared/network/model.ts';
import { returnCase } from '../../shared/network/transfer.ts';
import { networkPorts } from '../../shared/app/wiring.ts';

const ports = networkPorts();

/** POST /api/cases/{id}/return: 回复 — 202, the decision goes back to the office that took the case in. */
export const handler = httpHandler('cases-return', { params: caseIdParams, body: networkBodies.return }, async (req) => {
  const r = await returnCase(ports, req.principal, { id: req.params.id, ...req.body }, req.meta);
  return { status: 202, body: { returnId: r.returnId } };
});
