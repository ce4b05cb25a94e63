import { httpHandler } from '../../shared/http/handler.ts';
import { lifecycle } from '../../shared/cases/lifecycle.ts';
import { actionBodies, caseIdParams } from '../../shared/cases/model.ts';
import { casePorts } from '../../shared/cases/ports.ts';
import { staffView } from '../../shared/cases/views.ts';

export const handler = httpHandler('cases-withdraw', { params: caseIdParams, body: actionBodies.withdraw }, async (req) => {
  const c = await lifecycle.withdraw(req.principal, req.params.id, req.body, req.meta, casePorts());
  return { body: { case: staffView(c) } };
});
