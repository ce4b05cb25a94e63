import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { TABLES } from '../../../shared/platform/tables.ts';
import { QUEUES } from '../../../shared/platform/queues.ts';
import { applyEnv } from '../../../local/env.ts';

describe('GET /api/health', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  it('reports every table and queue reachable', async () => {
    const res = await stack.fetch('/api/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; checks: Array<{ kind: string; id: string; ok: boolean }> };
    expect(body.ok).toBe(true);
    for (const t of TABLES) expect(body.checks).toContainEqual(expect.objectContaining({ kind: 'table', id: t.id, ok: true }));
    for (const q of QUEUES) expect(body.checks).toContainEqual(expect.objectContaining({ kind: 'queue', id: q.id, ok: true }));
  });

  it('answers 503 naming the table when one is unreachable', async () => {
    applyEnv({ TABLE_AUDIT: `${stack.prefix}-missing` });
    try {
      const res = await stack.fetch('/api/health');
      expect(res.status).toBe(503);
      const body = (await res.json()) as { checks: Array<{ id: string; ok: boolean }> };
      expect(body.checks.find((c) => c.id === 'audit')?.ok).toBe(false);
    } finally {
      applyEnv(stack.env);
    }
  });

  it('answers 404 with a Chinese message for an unknown API path', async () => {
    const res = await stack.fetch('/api/nope');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/接口不存在/);
  });
});
