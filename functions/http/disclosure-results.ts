import { httpHandler } from '../../shared/http/handler.ts';
import { disclosedResults } from '../../shared/ratings/disclosure.ts';
import { disclosureReader } from '../../shared/ratings/wiring.ts';

const ports = disclosureReader();

/** GET /api/public/disclosure/results: recent 办结 results (masked numbers, no personal data). */
export const handler = httpHandler('disclosure-results', {}, async () => ({
  body: await disclosedResults(ports),
  headers: { 'cache-control': 'public, max-age=300' },
}));
