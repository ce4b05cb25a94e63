import { httpHandler } from '../../shared/http/handler.ts';
import { caseIdParams } from '../../shared/cases/model.ts';
import { networkBodies } from '../../shared/network/model.ts';
import { forward } from '../../shared/network/transfer.ts';
import { networkPorts } from '../../shared/app/wiring.ts';

const ports = networkPorts();

/** POST /api/cases/{id}/forward: 转报 — 202, the hand-over is on the delegation queue. */
export const handler = httpHandler('cases-forward', { params: caseIdParams, body: networkBodies.forward }, async (req) => {
  const r = await forward(ports, req.principal, { id: req.params.id, ...req.body }, req.meta);
  return { status: 202, body: { forwardId: r.forwardId } };
});
