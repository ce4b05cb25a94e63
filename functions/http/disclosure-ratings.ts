import { httpHandler } from '../../shared/http/handler.ts';
import { disclosedRatings } from '../../shared/ratings/disclosure.ts';
import { monthQuery } from '../../shared/ratings/model.ts';
import { disclosureReader } from '../../shared/ratings/wiring.ts';

const ports = disclosureReader();

/** GET /api/public/disclosure/ratings?month=YYYY-MM: 好差评 of the month per office. */
export const handler = httpHandler('disclosure-ratings', { query: monthQuery }, async (req) => ({
  body: await disclosedRatings(ports, req.query),
  headers: { 'cache-control': 'public, max-age=300' },
}));
