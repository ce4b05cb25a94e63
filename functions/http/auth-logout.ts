import { httpHandler, requirePrincipal } from '../../shared/http/handler.ts';
import { logout } from '../../shared/identity/account.ts';
import { identityPorts } from '../../shared/identity/ports.ts';

export const handler = httpHandler('auth-logout', {}, async (req) => {
  await logout(requirePrincipal(req), { sourceIp: req.sourceIp, userAgent: req.userAgent }, identityPorts());
  return { body: { ok: true } };
});
