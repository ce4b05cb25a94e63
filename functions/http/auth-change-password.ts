import { httpHandler } from '../../shared/http/handler.ts';
import { changePassword } from '../../shared/identity/account.ts';
import { changePasswordBody } from '../../shared/identity/schemas.ts';
import { identityPorts } from '../../shared/identity/wiring.ts';

const ports = identityPorts();

export const handler = httpHandler('auth-change-password', { body: changePasswordBody }, async (req) => ({
  body: { user: await changePassword(ports, req.principal, req.body, req.meta) },
}));
