import { httpHandler } from '../../shared/http/handler.ts';
import { caseIdParams } from '../../shared/cases/model.ts';
import { networkBodies } from '../../shared/network/model.ts';
import { assignTask } from '../../shared/network/tasks.ts';
import { networkPorts } from '../../shared/app/wiring.ts';

const ports = networkPorts();

/** POST /api/cases/{id}/tasks: 交办 a task (实地核查, 初审意见) or send a 联办 part — 202. */
export const handler = httpHandler('cases-forward-task', { params: caseIdParams, body: networkBodies.task }, async (req) => {
  const r = await assignTask(ports, req.principal, { id: req.params.id, ...req.body }, req.meta);
  return { status: 202, body: { taskId: r.taskId } };
});
