import { httpHandler } from '../../shared/http/handler.ts';
import { updateUser } from '../../shared/identity/staff.ts';
import { updateUserBody, userIdParams } from '../../shared/identity/schemas.ts';
import { staffPorts } from '../../shared/identity/ports.ts';

export const handler = httpHandler('users-update', { params: userIdParams, body: updateUserBody }, async (req) => ({
  body: { user: await updateUser(req.principal, req.params.id, req.body, req.meta, staffPorts()) },
}));
