import { httpHandler } from '../../shared/http/handler.ts';
import { confirmTotp } from '../../shared/identity/account.ts';
import { totpConfirmBody } from '../../shared/identity/schemas.ts';
import { identityPorts } from '../../shared/identity/wiring.ts';

const ports = identityPorts();

export const handler = httpHandler('auth-totp-confirm', { body: totpConfirmBody }, async (req) => ({
  body: { user: await confirmTotp(ports, req.principal, req.body, req.meta) },
}));
