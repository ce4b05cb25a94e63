import { describe, expect, it } from 'vitest';
import { getCase } from '../../../shared/cases/queries.ts';
import { NotFoundError, RuleError, ValidationError } from '../../../shared/errors/domain-errors.ts';
import { createCommission, supplementByAgent, takeIn } from '../../../shared/network/commissions.ts';
import { getCommission, myCommissions } from '../../../shared/network/commission-views.ts';
import { principal } from '../cases/fixtures.ts';
import { at, CLERK, META, STATION } from '../cases/fixtures.ts';
import { AGENT, DIBAO, world, type World } from './fixtures.ts';

/** 补交材料: a commission the township put in 待补正; the agent sees the list and brings what is missing from the phone. */
describe('the agent supplements a commission in 待补正', () => {
  const applicant = { type: 'person' as const, name: '赵六', idNumber: '11010519491231002X', phone: '13912345678' };
  const missingOne = async (w: World) => {
    const { commission: k } = await createCommission(
      w.ports,
      AGENT,
      { itemCode: DIBAO.code, applicant, materialsCollected: [], consent: { given: true, method: 'signed' } } as never,
      META,
    );
    await w.deliver();
    const { case: c } = await takeIn(w.ports, CLERK, { id: k.id, expectedVersion: 2 }, META);
    return { k, c };
  };

  it('shows the true status and the list, takes the materials in two goes, then the case is accepted with its promise', async () => {
    const w = world(at('2026-11-02', '09:00'));
    const { k, c } = await missingOne(w);
    expect(c).toMatchObject({ status: 'awaiting_supplement', missingMaterials: ['申请表', '居民户口簿'] });
    const seen = await getCommission(w.ports, AGENT, { id: k.id });
    expect(seen.commission.statusLabel).toBe('乡镇待补正，请补交材料');
    expect(seen.case).toMatchObject({ status: 'awaiting_supplement', statusLabel: '待补正', missingMaterials: ['申请表', '居民户口簿'], version: 1 });
    expect((await myCommissions(w.ports, AGENT, {})).commissions).toEqual([
      expect.objectContaining({
        id: k.id,
        statusLabel: '乡镇待补正，请补交材料',
        caseStatus: 'awaiting_supplement',
        missingMaterials: ['申请表', '居民户口簿'],
      }),
    ]);

    const partial = await supplementByAgent(w.ports, AGENT, { id: k.id, expectedVersion: 1, materialsReceived: ['申请表'] }, META);
    expect(partial.case).toMatchObject({ status: 'awaiting_supplement', missingMaterials: ['居民户口簿'], version: 2 });
    // the same request again (a resend on a weak link): nothing more happens
    const commits = w.store.commits;
    expect((await supplementByAgent(w.ports, AGENT, { id: k.id, expectedVersion: 1, materialsReceived: ['申请表'] }, META)).replayed).toBe(true);
    expect(w.store.commits).toBe(commits);
    // a stale version with something new: 409
    await expect(supplementByAgent(w.ports, AGENT, { id: k.id, expectedVersion: 1, materialsReceived: ['居民户口簿'] }, META)).rejects.toMatchObject({
      code: 'STALE_VERSION',
    });
    await expect(supplementByAgent(w.ports, AGENT, { id: k.id, expectedVersion: 2, materialsReceived: ['结婚证'] }, META)).rejects.toBeInstanceOf(
      ValidationError,
    );

    w.setNow(at('2026-11-03', '10:00'));
    const done = await supplementByAgent(w.ports, AGENT, { id: k.id, expectedVersion: 2, materialsReceived: ['居民户口簿'] }, META);
    expect(done.case).toMatchObject({ status: 'accepted', acceptedOn: '2026-11-03', missingMaterials: [] });
    expect(done.case.dueDate).toBeDefined();
    const detail = await getCase(w.ports, CLERK, { id: c.id });
    expect(detail.events.map((e) => [e.type, e.note])).toEqual([
      ['supplement_notice', expect.any(String)],
      ['supplement_partial', '示例村一（演示） 代办员补交：申请表；仍缺：居民户口簿'],
      ['accepted', '示例村一（演示） 代办员补交：居民户口簿；补正后受理'],
    ]);
    expect((await getCommission(w.ports, AGENT, { id: k.id })).commission.statusLabel).toBe('乡镇已受理，办理中');
    await expect(supplementByAgent(w.ports, AGENT, { id: k.id, expectedVersion: 3, materialsReceived: ['结婚证'] }, META)).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
  });

  it('only for the station that carried it, and only once the township took it in', async () => {
    const w = world(at('2026-11-02', '09:00'));
    const { k } = await missingOne(w);
    const otherAgent = principal({
      userId: 'u-a2',
      officeId: '411521-dongpu',
      roles: ['village_agent'],
      scopes: ['session', 'case.read', 'commission.create'],
    });
    await expect(supplementByAgent(w.ports, otherAgent, { id: k.id, expectedVersion: 1, materialsReceived: ['申请表'] }, META)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // a clerk is no agent
    await expect(supplementByAgent(w.ports, CLERK, { id: k.id, expectedVersion: 1, materialsReceived: ['申请表'] }, META)).rejects.toThrow();
    const { commission: fresh } = await createCommission(
      w.ports,
      AGENT,
      { itemCode: DIBAO.code, applicant, materialsCollected: [], consent: { given: true, method: 'signed' } } as never,
      META,
    );
    expect(fresh.stationId).toBe(STATION);
    await expect(supplementByAgent(w.ports, AGENT, { id: fresh.id, expectedVersion: 1, materialsReceived: ['申请表'] }, META)).rejects.toBeInstanceOf(
      RuleError,
    );
  });
});
