import { httpHandler } from '../../shared/http/handler.ts';
import { staffView } from '../../shared/cases/views.ts';
import { networkBodies, taskParams } from '../../shared/network/model.ts';
import { receiveTask } from '../../shared/network/tasks.ts';
import { networkPorts } from '../../shared/app/wiring.ts';

const ports = networkPorts();

/** POST /api/cases/{id}/tasks/{taskId}/receive: 签收 a task handed to the caller's office. */
export const handler = httpHandler('cases-forward-task-receive', { params: taskParams, body: networkBodies.receive }, async (req) => {
  const c = await receiveTask(ports, req.principal, { ...req.params, ...req.body }, req.meta);
  return { body: { case: staffView(c, req.principal) } };
});
