import { httpHandler } from '../../shared/http/handler.ts';
import { resetTotp } from '../../shared/identity/staff.ts';
import { userIdParams } from '../../shared/identity/schemas.ts';
import { staffPorts } from '../../shared/identity/ports.ts';

export const handler = httpHandler('users-reset-totp', { params: userIdParams }, async (req) => ({
  body: await resetTotp(req.principal, req.params.id, req.meta, staffPorts()),
}));
