import { httpHandler } from '../../shared/http/handler.ts';
import { createUser } from '../../shared/identity/staff.ts';
import { createUserBody } from '../../shared/identity/schemas.ts';
import { staffPorts } from '../../shared/identity/wiring.ts';

const ports = staffPorts();

export const handler = httpHandler('users-create', { body: createUserBody }, async (req) => ({
  status: 201,
  body: await createUser(ports, req.principal, req.body, req.meta),
}));
