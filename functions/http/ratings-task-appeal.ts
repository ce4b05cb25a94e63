import { httpHandler } from '../../shared/http/handler.ts';
import { appealBody, taskParams } from '../../shared/ratings/model.ts';
import { appeal } from '../../shared/ratings/rectification.ts';
import { ratingPorts } from '../../shared/ratings/wiring.ts';

const ports = ratingPorts();

/** POST /api/ratings/tasks/{caseId}/appeal: 申诉: the office says the rating is malicious. */
export const handler = httpHandler('ratings-task-appeal', { params: taskParams, body: appealBody }, async (req) => ({
  body: await appeal(ports, req.principal, { ...req.body, ...req.params }, req.meta),
}));
