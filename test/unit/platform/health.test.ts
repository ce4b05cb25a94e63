import { describe, expect, it } from 'vitest';
import { checkHealth, type Probe } from '../../../shared/platform/health.ts';

describe('health report', () => {
  it('is ok only when every probe answers, and names a failure by its error name alone', async () => {
    class ResourceNotFoundException extends Error {
      override name = 'ResourceNotFoundException';
    }
    const probes: Probe[] = [
      { kind: 'table', id: 'cases', run: async () => ({}) },
      {
        kind: 'table',
        id: 'audit',
        run: async () => Promise.reject(new ResourceNotFoundException('arn:aws-cn:dynamodb:cn-north-1:123456789012:table/x not found')),
      },
      { kind: 'topic', id: 'supervision', run: async () => ({}) },
    ];
    let t = 0;
    const r = await checkHealth(probes, () => (t += 5));
    expect(r.ok).toBe(false);
    expect(r.checks.find((c) => c.id === 'audit')).toEqual({
      kind: 'table',
      id: 'audit',
      ok: false,
      ms: expect.any(Number),
      error: 'ResourceNotFoundException',
    });
    expect(JSON.stringify(r)).not.toContain('123456789012');
    expect((await checkHealth(probes.filter((p) => p.id !== 'audit'))).ok).toBe(true);
  });
});
