import { httpHandler } from '../../shared/http/handler.ts';
import { me } from '../../shared/identity/account.ts';
import { identityPorts } from '../../shared/identity/wiring.ts';

const ports = identityPorts();

export const handler = httpHandler('auth-me', {}, async (req) => ({ body: { user: await me(ports, req.principal) } }));
