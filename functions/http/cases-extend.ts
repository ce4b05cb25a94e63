import { httpHandler } from '../../shared/http/handler.ts';
import { lifecycle } from '../../shared/cases/lifecycle.ts';
import { actionBodies, caseIdParams } from '../../shared/cases/model.ts';
import { casePorts } from '../../shared/app/wiring.ts';
import { staffView } from '../../shared/cases/views.ts';

const ports = casePorts();

export const handler = httpHandler('cases-extend', { params: caseIdParams, body: actionBodies.extend }, async (req) => {
  const c = await lifecycle.extend(ports, req.principal, { id: req.params.id, ...req.body }, req.meta);
  return { body: { case: staffView(c, req.principal) } };
});
