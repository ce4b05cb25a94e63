import { httpHandler } from '../../shared/http/handler.ts';
import { caseIdParams } from '../../shared/cases/model.ts';
import { staffView } from '../../shared/cases/views.ts';
import { networkBodies } from '../../shared/network/model.ts';
import { receive } from '../../shared/network/transfer.ts';
import { networkPorts } from '../../shared/app/wiring.ts';

const ports = networkPorts();

/** POST /api/cases/{id}/receive: 签收 — the case is now in the hands of the caller's office. */
export const handler = httpHandler('cases-receive', { params: caseIdParams, body: networkBodies.receive }, async (req) => {
  const c = await receive(ports, req.principal, { id: req.params.id, ...req.body }, req.meta);
  return { body: { case: staffView(c, req.principal) } };
});
