import { httpHandler } from '../../shared/http/handler.ts';
import { logout } from '../../shared/identity/account.ts';
import { identityPorts } from '../../shared/identity/ports.ts';

export const handler = httpHandler('auth-logout', {}, async (req) => {
  await logout(req.principal, req.meta, identityPorts());
  return { body: { ok: true } };
});
