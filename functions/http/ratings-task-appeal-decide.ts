import { httpHandler } from '../../shared/http/handler.ts';
import { appealDecisionBody, taskParams } from '../../shared/ratings/model.ts';
import { decideAppeal } from '../../shared/ratings/rectification.ts';
import { ratingPorts } from '../../shared/ratings/wiring.ts';

const ports = ratingPorts();

/** POST /api/ratings/tasks/{caseId}/appeal/decision: 申诉复核: the supervisor's decision and reason. */
export const handler = httpHandler('ratings-task-appeal-decide', { params: taskParams, body: appealDecisionBody }, async (req) => ({
  body: await decideAppeal(ports, req.principal, { ...req.body, ...req.params }, req.meta),
}));
