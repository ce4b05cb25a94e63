import { httpHandler } from '../../shared/http/handler.ts';
import { listTodos } from '../../shared/todos/todos.ts';
import { todoPorts } from '../../shared/todos/wiring.ts';

const ports = todoPorts();

/** GET /api/todos: what the caller must do next, most urgent first, with the menu's counts. */
export const handler = httpHandler('todos-list', {}, async (req) => ({ body: await listTodos(ports, req.principal) }));
