import { describe, expect, it } from 'vitest';
import { REQUEST_BUDGET_MS, runFuzz, TIMED_OUT, watchdog, type FuzzRequest } from '../../support/fuzz.ts';
import { ROUTES } from '../../../shared/platform/routes.ts';

/**
 * The fuzzer's own checks fail a run when they should: a request that never answers (what the
 * due-date loop on 9999-12-31 did) and a platform whose /api/health stops answering.
 */
const req = (name: string): FuzzRequest => ({ route: ROUTES.find((r) => r.name === name)!, method: 'GET', path: '/x', token: 'none' });

describe('the fuzzer’s time budget and watchdog', () => {
  it('a request with no answer within the budget is reported slow, not counted as a 4xx', async () => {
    const report = await runFuzz([req('calendar-due-date'), req('health')], async (r) => (r.route.name === 'health' ? 200 : TIMED_OUT), 1);
    expect(report.slow).toEqual([{ route: 'calendar-due-date', status: TIMED_OUT, ms: expect.any(Number), path: '/x' }]);
    expect(report.serverErrors).toEqual([]);
    expect(REQUEST_BUDGET_MS).toBe(2_000);
  });

  it('a health probe that times out or fails is a miss', async () => {
    let n = 0;
    const dog = watchdog(async () => {
      n++;
      if (n === 2) throw Object.assign(new Error('timed out'), { name: 'TimeoutError' });
      return n === 3 ? 503 : 200;
    }, 0);
    while (n < 4) await new Promise((r) => setImmediate(r));
    const { probes, misses } = await dog.stop();
    expect(probes).toBeGreaterThanOrEqual(4);
    expect(misses.map((m) => m.status)).toEqual(['no answer within the budget', 503]);
  });
});
