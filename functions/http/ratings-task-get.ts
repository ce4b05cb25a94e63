import { httpHandler } from '../../shared/http/handler.ts';
import { taskParams } from '../../shared/ratings/model.ts';
import { getTask } from '../../shared/ratings/rectification.ts';
import { ratingPorts } from '../../shared/ratings/wiring.ts';

const ports = ratingPorts();

/** GET /api/ratings/tasks/{caseId}: a 差评's task with its rating. */
export const handler = httpHandler('ratings-task-get', { params: taskParams }, async (req) => ({ body: await getTask(ports, req.principal, req.params) }));
