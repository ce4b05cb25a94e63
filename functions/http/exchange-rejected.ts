import { httpHandler } from '../../shared/http/handler.ts';
import { rejectedRecords } from '../../shared/exchange/admin.ts';
import { statusQuery } from '../../shared/exchange/schemas.ts';
import { exchangePorts } from '../../shared/exchange/wiring.ts';

/** GET /api/exchange/rejected?day=YYYY-MM-DD: the day's rejected records with the values sent, to correct them (county admin). */
export const handler = httpHandler('exchange-rejected', { query: statusQuery }, async (req) => ({
  body: await rejectedRecords(exchangePorts(), req.principal, req.query),
}));
