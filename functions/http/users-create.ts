import { httpHandler } from '../../shared/http/handler.ts';
import { createUser } from '../../shared/identity/staff.ts';
import { createUserBody } from '../../shared/identity/schemas.ts';
import { staffPorts } from '../../shared/identity/ports.ts';

export const handler = httpHandler('users-create', { body: createUserBody }, async (req) => ({
  status: 201,
  body: await createUser(req.principal, req.body, req.meta, staffPorts()),
}));
