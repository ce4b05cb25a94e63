import { describe, expect, it } from 'vitest';
import { intake } from '../../../shared/cases/intake.ts';
import { forward, receive } from '../../../shared/network/transfer.ts';
import { application, at, CLERK, DEPT_OFFICE, META, requiredOf } from '../cases/fixtures.ts';
import { DEPT_CLERK, DIBAO, world } from './fixtures.ts';

/**
 * Every hop write carries supervision's watch of the case, so the overdue scan looks again and a
 * late 签收 earns its phase card (shared/supervision/phases.ts reads the hop's clock).
 */
describe('the network keeps supervision watching', () => {
  it('a 转报 and its landing put the 签收 phase, with its limit, into the watch; 签收 closes it', async () => {
    const w = world(at('2026-11-02', '09:00'));
    const c = (
      await intake(
        w.ports,
        CLERK,
        { ...application({ itemCode: DIBAO.code, materialsReceived: requiredOf(DIBAO) }), idempotencyKey: crypto.randomUUID() },
        META,
      )
    ).case;
    await forward(w.ports, CLERK, { id: c.id, expectedVersion: 1, toOfficeId: DEPT_OFFICE, reason: '低保由县民政局审批' }, META);
    const sent = w.watches.get(c.id)!;
    expect(sent.caseVersion).toBe(2);
    const open = sent.case.phases?.filter((p) => !p.endedAt) ?? [];
    expect(open).toEqual([expect.objectContaining({ officeId: DEPT_OFFICE })]);
    expect(open[0]!.dueAt! > open[0]!.startedAt).toBe(true);

    await w.deliver();
    // landing changes no clock (the 签收 limit runs from sending): the watch still holds it open
    expect(w.watches.get(c.id)!.case.phases?.filter((p) => p.officeId === DEPT_OFFICE && !p.endedAt)).toHaveLength(1);

    await receive(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: 3 }, META);
    const signed = w.watches.get(c.id)!;
    expect(signed.caseVersion).toBe(4);
    expect(signed.case.phases?.filter((p) => p.officeId === DEPT_OFFICE && !p.endedAt) ?? []).toEqual([]);
  });
});
