import { httpHandler } from '../../shared/http/handler.ts';
import { resendRecord } from '../../shared/exchange/admin.ts';
import { recordParams, resendBody } from '../../shared/exchange/schemas.ts';
import { exchangePorts } from '../../shared/exchange/wiring.ts';

/** POST /api/exchange/records/{caseId}/{id}/resend `{"itemCode"?, "note"}`: a rejected record corrected and pushed again (county admin; audited). */
export const handler = httpHandler('exchange-resend', { params: recordParams, body: resendBody }, async (req) => ({
  body: await resendRecord(exchangePorts(), req.principal, { ...req.params, ...req.body }, req.meta),
}));
