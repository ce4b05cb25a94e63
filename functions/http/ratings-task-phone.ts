import { httpHandler } from '../../shared/http/handler.ts';
import { taskParams } from '../../shared/ratings/model.ts';
import { callbackPhone } from '../../shared/ratings/callback-phone.ts';
import { callbackPhonePorts } from '../../shared/ratings/wiring.ts';

const ports = callbackPhonePorts();

/** POST /api/ratings/tasks/{caseId}/phone: the applicant's whole phone for the 差评 回访, audited. */
export const handler = httpHandler('ratings-task-phone', { params: taskParams }, async (req) => ({
  body: await callbackPhone(ports, req.principal, req.params, req.meta),
}));
