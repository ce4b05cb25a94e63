import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { ROUTES } from '../../../shared/platform/routes.ts';
import { fuzzRequests, REQUEST_BUDGET_MS, runFuzz, tableFingerprint, TIMED_OUT, watchdog, type FuzzRequest } from '../../support/fuzz.ts';

/**
 * Malformed, oversized, boundary and wrong-typed requests across every route, with valid and
 * invalid tokens: never a 5xx, every answer within the per-request budget (a deadline, not a
 * measurement: a request once never answered), /api/health answering all along, and nothing
 * permanent written by a refusal. `npm run fuzz` runs 10,000 and prints the figures; the test
 * suite runs a smaller, fixed-seed share on every `npm test`.
 */
const COUNT = Number(process.env.FUZZ_REQUESTS ?? 800);

describe('fuzzing every route from its schemas', () => {
  let stack: TestStack;
  const tokens: string[] = [];
  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    for (const u of ['clerk.lingshan', 'admin', 'head.lingshan', 'supervisor', 'agent.demo']) tokens.push(await stack.login(u));
  });
  afterAll(() => stack?.stop());

  it(`${COUNT} requests: 0 answers ≥ 500, no permanent record changed`, async () => {
    const before = await tableFingerprint(stack.env);
    const reqs = await fuzzRequests(COUNT, 20261123);
    // the boundary sweep holds the request that once spun a function for good
    expect(reqs.some((r) => r.route.name === 'calendar-due-date' && r.path.includes('from=9999-12-31'))).toBe(true);
    let i = 0;
    const send = async (r: FuzzRequest): Promise<number> => {
      const token = r.token === 'valid' ? tokens[i++ % tokens.length] : r.token === 'garbage' ? 'eyJhbGciOiJFUzI1NiJ9.e30.AAAA' : undefined;
      try {
        const res = await stack.fetch(r.path, {
          method: r.method,
          ...(token ? { token } : {}),
          headers: { 'content-type': 'application/json', 'idempotency-key': `fuzz-${i}-${r.route.name}` },
          ...(r.body !== undefined ? { body: r.body } : {}),
          signal: AbortSignal.timeout(REQUEST_BUDGET_MS),
        });
        await res.arrayBuffer();
        return res.status;
      } catch (e) {
        if ((e as Error).name === 'TimeoutError') return TIMED_OUT;
        throw e;
      }
    };
    const dog = watchdog(async (signal) => {
      const res = await stack.fetch('/api/health', { signal });
      await res.arrayBuffer();
      return res.status;
    });
    const report = await runFuzz(reqs, send, 4);
    const health = await dog.stop();
    const after = await tableFingerprint(stack.env);
    console.log(
      `fuzz: ${report.requests} requests over ${report.routes} routes`,
      JSON.stringify(report.byStatus),
      `slower than ${REQUEST_BUDGET_MS} ms: ${report.slow.length}; health probes: ${health.probes}, unanswered: ${health.misses.length}, stalls: ${health.stalls.length}`,
    );
    expect(report.routes).toBe(ROUTES.length);
    // soft: one run reports every kind of failure it found, not only the first
    expect.soft(report.slow).toEqual([]);
    expect.soft(health.stalls).toEqual([]);
    expect.soft(report.serverErrors).toEqual([]);
    expect.soft(report.accepted).toEqual([]);
    expect.soft(after).toEqual(before);
  }, 600_000);
});
