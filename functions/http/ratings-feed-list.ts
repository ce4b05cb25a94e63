import { httpHandler } from '../../shared/http/handler.ts';
import { listFeed } from '../../shared/ratings/feed.ts';
import { feedPorts } from '../../shared/ratings/wiring.ts';

const ports = feedPorts();

/** GET /api/ratings/feed: the provincial feed files by day (county admin). */
export const handler = httpHandler('ratings-feed-list', {}, async (req) => ({ body: await listFeed(ports, req.principal) }));
