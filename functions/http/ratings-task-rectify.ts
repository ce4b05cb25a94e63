import { httpHandler } from '../../shared/http/handler.ts';
import { rectifyBody, taskParams } from '../../shared/ratings/model.ts';
import { rectify } from '../../shared/ratings/rectification.ts';
import { ratingPorts } from '../../shared/ratings/wiring.ts';

const ports = ratingPorts();

/** POST /api/ratings/tasks/{caseId}/rectify: 整改: measures and the answer told to the citizen. */
export const handler = httpHandler('ratings-task-rectify', { params: taskParams, body: rectifyBody }, async (req) => ({
  body: await rectify(ports, req.principal, { ...req.body, ...req.params }, req.meta),
}));
