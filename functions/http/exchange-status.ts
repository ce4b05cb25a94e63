import { httpHandler } from '../../shared/http/handler.ts';
import { dayStatus } from '../../shared/exchange/admin.ts';
import { statusQuery } from '../../shared/exchange/schemas.ts';
import { exchangePorts } from '../../shared/exchange/wiring.ts';

/** GET /api/exchange/status?day=YYYY-MM-DD: the day's records pushed, acknowledged, rejected and pending (county admin). */
export const handler = httpHandler('exchange-status', { query: statusQuery }, async (req) => ({
  body: await dayStatus(exchangePorts(), req.principal, req.query),
}));
