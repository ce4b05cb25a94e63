import { httpHandler } from '../../shared/http/handler.ts';
import { changePassword } from '../../shared/identity/account.ts';
import { changePasswordBody } from '../../shared/identity/schemas.ts';
import { identityPorts } from '../../shared/identity/ports.ts';

export const handler = httpHandler('auth-change-password', { body: changePasswordBody }, async (req) => ({
  body: { user: await changePassword(req.principal, req.body, req.meta, identityPorts()) },
}));
