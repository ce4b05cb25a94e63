import { describe, expect, it } from 'vitest';
import { runFuzz, TIMED_OUT, watchdog, type FuzzRequest } from '../../support/fuzz.ts';
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
  });

  it('a health probe that times out or fails is a miss; two in a row are a stall', async () => {
    let n = 0;
    // probes 2–4 miss (a stall of 3), probe 6 misses alone (a busy moment, not a stall)
    const dog = watchdog(async () => {
      n++;
      if (n === 2 || n === 4) throw Object.assign(new Error('timed out'), { name: 'TimeoutError' });
      return n === 3 || n === 6 ? 503 : 200;
    }, 0);
    while (n < 8) await new Promise((r) => setImmediate(r));
    const { misses, stalls } = await dog.stop();
    expect(misses.map((m) => m.status)).toEqual(['no answer within the budget', 503, 'no answer within the budget', 503]);
    expect(stalls).toEqual([{ from: misses[0]!.at, probes: 3 }]);
  });
});
