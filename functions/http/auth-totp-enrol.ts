import { httpHandler } from '../../shared/http/handler.ts';
import { startTotpEnrolment } from '../../shared/identity/account.ts';
import { identityPorts } from '../../shared/identity/ports.ts';

export const handler = httpHandler('auth-totp-enrol', {}, async (req) => ({ body: await startTotpEnrolment(req.principal, identityPorts()) }));
