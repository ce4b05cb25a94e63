import { httpHandler } from '../../shared/http/handler.ts';
import { listUsers } from '../../shared/identity/staff.ts';
import { usersQuery } from '../../shared/identity/schemas.ts';
import { staffPorts } from '../../shared/identity/wiring.ts';

const ports = staffPorts();

export const handler = httpHandler('users-list', { query: usersQuery }, async (req) => ({
  body: { users: await listUsers(ports, req.principal, req.query) },
}));
