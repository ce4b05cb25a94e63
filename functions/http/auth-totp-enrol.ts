import { httpHandler } from '../../shared/http/handler.ts';
import { startTotpEnrolment } from '../../shared/identity/account.ts';
import { identityPorts } from '../../shared/identity/wiring.ts';

const ports = identityPorts();

export const handler = httpHandler('auth-totp-enrol', {}, async (req) => ({ body: await startTotpEnrolment(ports, req.principal) }));
