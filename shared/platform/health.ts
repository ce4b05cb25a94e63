/**
 * GET /api/health: whether every table, queue and topic of the county answers. The probes are
 * adapters (dynamo-health.ts, sqs-health.ts, sns-health.ts); this file only runs and reports them.
 */
export type ResourceKind = 'table' | 'queue' | 'topic';

export interface Probe {
  kind: ResourceKind;
  /** Logical id (shared/platform/tables.ts, queues.ts): never a physical name or an ARN. */
  id: string;
  /** Resolves when the resource answers. */
  run(): Promise<unknown>;
}

export interface HealthReport {
  ok: boolean;
  checks: Array<{ kind: ResourceKind; id: string; ok: boolean; ms: number; error?: string }>;
}

const check = async (p: Probe, clock: () => number): Promise<HealthReport['checks'][number]> => {
  const t0 = clock();
  try {
    await p.run();
    return { kind: p.kind, id: p.id, ok: true, ms: clock() - t0 };
  } catch (e) {
    // the error name only: messages may carry account ids or endpoints
    return { kind: p.kind, id: p.id, ok: false, ms: clock() - t0, error: (e as Error).name };
  }
};

/** All probes in parallel. */
export const checkHealth = async (probes: readonly Probe[], clock: () => number = Date.now): Promise<HealthReport> => {
  const checks = await Promise.all(probes.map((p) => check(p, clock)));
  return { ok: checks.every((c) => c.ok), checks };
};
