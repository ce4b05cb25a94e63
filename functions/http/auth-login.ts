import { httpHandler } from '../../shared/http/handler.ts';
import { login } from '../../shared/identity/login.ts';
import { loginBody } from '../../shared/identity/schemas.ts';
import { identityPorts } from '../../shared/identity/wiring.ts';

const ports = identityPorts();

export const handler = httpHandler('auth-login', { body: loginBody }, async (req) => ({
  body: await login(ports, req.body, req.meta),
}));
