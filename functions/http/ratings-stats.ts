import { httpHandler } from '../../shared/http/handler.ts';
import { monthQuery } from '../../shared/ratings/model.ts';
import { ratingStats } from '../../shared/ratings/stats.ts';
import { statsPorts } from '../../shared/ratings/wiring.ts';

const ports = statsPorts();

/** GET /api/ratings/stats?month=YYYY-MM: satisfaction, 差评, 回访 and 整改 per office, item and staff (from the counters). */
export const handler = httpHandler('ratings-stats', { query: monthQuery }, async (req) => ({ body: await ratingStats(ports, req.principal, req.query) }));
