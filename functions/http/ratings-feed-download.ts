import { httpHandler } from '../../shared/http/handler.ts';
import { downloadFeed, feedDownloadParams, feedDownloadQuery } from '../../shared/ratings/feed.ts';
import { feedPorts } from '../../shared/ratings/wiring.ts';

const ports = feedPorts();

/** GET /api/ratings/feed/{day}?file=ratings.jsonl|cases.jsonl|feed.xlsx: one feed file (audited). */
export const handler = httpHandler('ratings-feed-download', { params: feedDownloadParams, query: feedDownloadQuery }, async (req) => {
  const f = await downloadFeed(ports, req.principal, { ...req.params, ...req.query }, req.meta);
  return { file: { base64: Buffer.from(f.body).toString('base64'), contentType: f.contentType, filename: f.filename } };
});
