import { httpHandler } from '../../shared/http/handler.ts';
import { logout } from '../../shared/identity/account.ts';
import { identityPorts } from '../../shared/identity/wiring.ts';

const ports = identityPorts();

export const handler = httpHandler('auth-logout', {}, async (req) => {
  await logout(ports, req.principal, req.meta);
  return { body: { ok: true } };
});
