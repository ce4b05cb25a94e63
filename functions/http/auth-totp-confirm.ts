import { httpHandler } from '../../shared/http/handler.ts';
import { confirmTotp } from '../../shared/identity/account.ts';
import { totpConfirmBody } from '../../shared/identity/schemas.ts';
import { identityPorts } from '../../shared/identity/ports.ts';

export const handler = httpHandler('auth-totp-confirm', { body: totpConfirmBody }, async (req) => ({
  body: { user: await confirmTotp(req.principal, req.body.code, req.meta, identityPorts()) },
}));
