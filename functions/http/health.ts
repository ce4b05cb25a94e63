import { httpHandler } from '../../shared/http/handler.ts';
import { checkHealth } from '../../shared/platform/health.ts';
import { healthProbes } from '../../shared/platform/health-wiring.ts';

const probes = healthProbes();

/** GET /api/health: 200 when every table, queue and topic is reachable, else 503. */
export const handler = httpHandler('health', {}, async () => {
  const report = await checkHealth(probes);
  return { status: report.ok ? 200 : 503, body: report };
});
