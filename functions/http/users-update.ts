import { httpHandler } from '../../shared/http/handler.ts';
import { updateUser } from '../../shared/identity/staff.ts';
import { updateUserBody, userIdParams } from '../../shared/identity/schemas.ts';
import { staffPorts } from '../../shared/identity/wiring.ts';

const ports = staffPorts();

export const handler = httpHandler('users-update', { params: userIdParams, body: updateUserBody }, async (req) => ({
  body: { user: await updateUser(ports, req.principal, { ...req.body, id: req.params.id }, req.meta) },
}));
