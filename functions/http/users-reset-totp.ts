import { httpHandler } from '../../shared/http/handler.ts';
import { resetTotp } from '../../shared/identity/staff.ts';
import { userIdParams } from '../../shared/identity/schemas.ts';
import { staffPorts } from '../../shared/identity/wiring.ts';

const ports = staffPorts();

export const handler = httpHandler('users-reset-totp', { params: userIdParams }, async (req) => ({
  body: await resetTotp(ports, req.principal, req.params, req.meta),
}));
