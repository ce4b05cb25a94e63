import { httpHandler } from '../../shared/http/handler.ts';
import { taskListQuery } from '../../shared/ratings/model.ts';
import { listTasks } from '../../shared/ratings/rectification.ts';
import { ratingPorts } from '../../shared/ratings/wiring.ts';

const ports = ratingPorts();

/** GET /api/ratings/tasks?view=open|appealed|closed&month=YYYY-MM: 差评整改 tasks. */
export const handler = httpHandler('ratings-tasks-list', { query: taskListQuery }, async (req) => ({ body: await listTasks(ports, req.principal, req.query) }));
