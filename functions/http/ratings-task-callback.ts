import { httpHandler } from '../../shared/http/handler.ts';
import { callbackBody, taskParams } from '../../shared/ratings/model.ts';
import { recordCallback } from '../../shared/ratings/rectification.ts';
import { ratingPorts } from '../../shared/ratings/wiring.ts';

const ports = ratingPorts();

/** POST /api/ratings/tasks/{caseId}/callback: 回访 recorded: when, by whom, what was said. */
export const handler = httpHandler('ratings-task-callback', { params: taskParams, body: callbackBody }, async (req) => ({
  body: await recordCallback(ports, req.principal, { ...req.body, ...req.params }, req.meta),
}));
