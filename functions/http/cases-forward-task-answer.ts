import { httpHandler } from '../../shared/http/handler.ts';
import { networkBodies, taskParams } from '../../shared/network/model.ts';
import { answerTask } from '../../shared/network/tasks.ts';
import { networkPorts } from '../../shared/app/wiring.ts';

const ports = networkPorts();

/** POST /api/cases/{id}/tasks/{taskId}/answer: the result and its attachments' descriptions go back — 202. */
export const handler = httpHandler('cases-forward-task-answer', { params: taskParams, body: networkBodies.taskAnswer }, async (req) => {
  const r = await answerTask(ports, req.principal, { ...req.params, ...req.body }, req.meta);
  return { status: 202, body: { answerId: r.answerId } };
});
