import { httpHandler } from '../../shared/http/handler.ts';
import { checkHealth } from '../../shared/platform/health.ts';

/** GET /api/health: 200 when every table, queue and topic is reachable, else 503. */
export const handler = httpHandler('health', {}, async () => {
  const report = await checkHealth();
  return { status: report.ok ? 200 : 503, body: report };
});
