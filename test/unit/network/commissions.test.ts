import { describe, expect, it } from 'vitest';
import { lifecycle } from '../../../shared/cases/lifecycle.ts';
import { getCase } from '../../../shared/cases/queries.ts';
import { lifecycleActionsOf } from '../../../shared/cases/transitions.ts';
import { NotFoundError, RuleError, ValidationError } from '../../../shared/errors/domain-errors.ts';
import { createCommission, deliverByAgent, handBack, takeIn } from '../../../shared/network/commissions.ts';
import { getCommission, myCommissions } from '../../../shared/network/commission-views.ts';
import { listInbox } from '../../../shared/network/inbox.ts';
import { forward, receive, returnCase } from '../../../shared/network/transfer.ts';
import { at, CLERK, DEPT_OFFICE, META, OFFICE, requiredOf, STATION } from '../cases/fixtures.ts';
import { AGENT, DEPT_CLERK, DIBAO, OTHER_TOWNSHIP_CLERK, THIRD_CLERK, world, type World } from './fixtures.ts';

/** 全程代办: 委托 at the village station → 受理 at 灵山镇 → 转报 县民政局 → 回复 → 回交 → 送达 by the agent. */
describe('全程代办 from the village', () => {
  const applicant = { type: 'person' as const, name: '赵六', idNumber: '11010519491231002X', phone: '13912345678' };
  const commission = (w: World, over: Record<string, unknown> = {}) =>
    createCommission(
      w.ports,
      AGENT,
      { itemCode: DIBAO.code, applicant, materialsCollected: requiredOf(DIBAO), consent: { given: true, method: 'signed' }, ...over } as never,
      META,
    );

  it("goes from the agent's phone to delivery at the station; every hop delivered three times changes state once", async () => {
    const w = world(at('2026-11-02', '09:00'));
    const { commission: k } = await commission(w);
    expect(k).toMatchObject({ status: 'submitted', stationId: STATION, townshipId: OFFICE, number: expect.stringMatching(/^DB-411521-20261102-0001$/) });
    expect(JSON.stringify(k)).not.toContain('11010519491231002X');
    await w.deliver(3);
    const inbox = await listInbox(w.ports, CLERK, { kind: 'commission' });
    expect(inbox.entries).toEqual([
      expect.objectContaining({ commissionId: k.id, number: k.number, fromOfficeId: STATION, fromOfficeName: '示例村一（演示）', applicantName: '赵*' }),
    ]);
    expect((await listInbox(w.ports, OTHER_TOWNSHIP_CLERK, { kind: 'commission' })).entries).toEqual([]);
    expect((await myCommissions(w.ports, AGENT, {})).commissions).toEqual([expect.objectContaining({ id: k.id, status: 'submitted', version: 2 })]);

    // 受理 at the township: the applicant does not come
    w.setNow(at('2026-11-02', '10:00'));
    const { case: c } = await takeIn(w.ports, CLERK, { id: k.id, expectedVersion: 2 }, META);
    expect(c).toMatchObject({
      status: 'accepted',
      officeId: OFFICE,
      routedTo: DEPT_OFFICE,
      commission: { id: k.id, stationId: STATION },
      parties: [STATION],
      applicant: { nameMasked: '赵*' },
    });
    expect((await listInbox(w.ports, CLERK, { kind: 'commission' })).entries).toEqual([]);
    await expect(takeIn(w.ports, CLERK, { id: k.id, expectedVersion: 3 }, META)).rejects.toMatchObject({ code: 'ALREADY_TAKEN_IN' });
    const seen = await getCommission(w.ports, AGENT, { id: k.id });
    expect(seen.commission).toMatchObject({ status: 'taken_in', caseNumber: c.number, statusLabel: '乡镇已受理，办理中' });
    expect(seen.case).toMatchObject({ id: c.id, status: 'accepted' });
    // the station reads the case; a third township does not
    expect((await getCase(w.ports, AGENT, { id: c.id })).case.id).toBe(c.id);
    await expect(getCase(w.ports, THIRD_CLERK, { id: c.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCommission(w.ports, THIRD_CLERK, { id: k.id })).rejects.toBeInstanceOf(NotFoundError);

    // 转报 to 县民政局 and back
    w.setNow(at('2026-11-02', '11:00'));
    await forward(w.ports, CLERK, { id: c.id, expectedVersion: 1, toOfficeId: DEPT_OFFICE, reason: '低保由县民政局审批' }, META);
    await w.deliver(3);
    w.setNow(at('2026-11-03', '09:00'));
    const r = await receive(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: 3 }, META);
    const d = await lifecycle.decide(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: r.version, result: 'approved' }, META);
    w.setNow(at('2026-11-03', '10:00'));
    await returnCase(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: d.version, note: '准予' }, META);
    await w.deliver(3);
    // 回交: the township sends the result to the station (the hand-back phase shows until then)
    const back = await getCase(w.ports, CLERK, { id: c.id });
    expect(back.phases).toMatchObject([{ name: 'hand_back', officeId: OFFICE }]);
    await expect(lifecycle.deliver(w.ports, AGENT, { id: c.id, expectedVersion: back.case.version, method: 'pickup', signedBy: 'x' }, META)).rejects.toThrow();
    w.setNow(at('2026-11-03', '11:00'));
    await handBack(w.ports, CLERK, { id: c.id, expectedVersion: back.case.version, note: '低保证已办好' }, META);
    const before = w.store.commits;
    await w.deliver(3);
    expect(w.store.commits).toBe(before + 1);
    const waiting = await listInbox(w.ports, AGENT, { kind: 'handback' });
    expect(waiting.entries).toEqual([expect.objectContaining({ caseId: c.id, commissionId: k.id, fromOfficeName: '灵山镇' })]);
    const returned = await getCommission(w.ports, AGENT, { id: k.id });
    expect(returned.commission).toMatchObject({ status: 'returned' });
    // the township no longer offers or takes 送达: the station delivers (the web's buttons come from the same rule)
    const handed = (await getCase(w.ports, CLERK, { id: c.id })).case;
    expect(lifecycleActionsOf(handed)).not.toContain('deliver');
    await expect(
      lifecycle.deliver(w.ports, CLERK, { id: c.id, expectedVersion: handed.version, method: 'pickup', signedBy: '赵六' }, META),
    ).rejects.toMatchObject({ code: 'HANDED_BACK' });

    // the agent hands it over: case and commission close together
    w.setNow(at('2026-11-03', '15:00'));
    await expect(deliverByAgent(w.ports, AGENT, { id: k.id, expectedVersion: 1, signedBy: '赵六' }, META)).rejects.toMatchObject({ code: 'STALE_VERSION' });
    const done = await deliverByAgent(w.ports, AGENT, { id: k.id, expectedVersion: returned.commission.version, signedBy: '赵六' }, META);
    expect(done.case).toMatchObject({ status: 'delivered', delivery: { method: 'agent', signedBy: '赵六', by: 'agent.demo' } });
    expect(done.commission).toMatchObject({ status: 'delivered' });
    expect((await listInbox(w.ports, AGENT, { kind: 'handback' })).entries).toEqual([]);
    const { events } = await getCase(w.ports, CLERK, { id: c.id });
    expect(events.map((e) => e.type)).toEqual(['accepted', 'forwarded', 'received', 'approved', 'returned', 'handed_back', 'delivered']);
    expect(w.store.audits.map((a) => a.action)).toEqual([
      'commission.create',
      'case.intake.accepted',
      'commission.take-in',
      'case.forward',
      'case.receive',
      'case.decide',
      'case.return',
      'case.hand-back',
      'commission.deliver',
    ]);
  });

  it('a village agent only: refuses other offices, items not for 村代办, foreign materials; writes nothing', async () => {
    const w = world();
    await expect(
      createCommission(
        w.ports,
        { ...CLERK, scopes: [...CLERK.scopes, 'commission.create'] },
        { itemCode: DIBAO.code, applicant, materialsCollected: [], consent: { given: true, method: 'signed' } },
        META,
      ),
    ).rejects.toMatchObject({ code: 'NOT_A_STATION' });
    await expect(commission(w, { itemCode: 'NOPE' })).rejects.toMatchObject({ fields: [{ path: 'itemCode' }] });
    await expect(commission(w, { materialsCollected: ['不相干的材料'] })).rejects.toMatchObject({ fields: [{ path: 'materialsCollected.0' }] });
    expect(w.store.commits).toBe(0);
    expect(w.hops.sent).toEqual([]);
  });

  it('an item the catalog keeps at the windows cannot be commissioned', async () => {
    const w = world();
    const { staticCatalogReader } = await import('../../../shared/catalog/memory-catalog-reader.ts');
    w.ports.catalog = staticCatalogReader([{ ...DIBAO, intakeAt: ['township'] }]);
    await expect(commission(w)).rejects.toBeInstanceOf(ValidationError);
  });

  it('the same form sent twice on a weak link (one Idempotency-Key) is one commission', async () => {
    const w = world();
    const key = crypto.randomUUID();
    const a = await commission(w, { idempotencyKey: key });
    const b = await commission(w, { idempotencyKey: key });
    expect(b).toMatchObject({ replayed: true, commission: { id: a.commission.id, number: a.commission.number } });
    expect((await myCommissions(w.ports, AGENT, {})).commissions).toHaveLength(1);
  });

  it('only the station delivers, only after the result came back; a commission of another township is not found', async () => {
    const w = world();
    const { commission: k } = await commission(w);
    await w.deliver();
    await expect(deliverByAgent(w.ports, AGENT, { id: k.id, expectedVersion: 2, signedBy: '赵六' }, META)).rejects.toBeInstanceOf(RuleError);
    await expect(takeIn(w.ports, OTHER_TOWNSHIP_CLERK, { id: k.id, expectedVersion: 2 }, META)).rejects.toBeInstanceOf(NotFoundError);
    await expect(handBack(w.ports, CLERK, { id: crypto.randomUUID(), expectedVersion: 1, note: '' }, META)).rejects.toBeInstanceOf(NotFoundError);
  });
});
