import { bjEndOfDay } from '../../../shared/platform/beijing-time.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { intake } from '../../../shared/cases/intake.ts';
import { COUNTY_TOTAL } from '../../../shared/cases/model.ts';

import { ConflictError, ForbiddenError, ValidationError } from '../../../shared/errors/domain-errors.ts';
import { application, at, CLERK, IMMEDIATE, META, OFFICE, PERSON, PROMISED, principal, SUPERVISOR, world } from './fixtures.ts';

const key = () => crypto.randomUUID();

describe('intake (受理): three written outcomes', () => {
  it('accepts a complete application: number, due date in working days, masked and sealed applicant', async () => {
    const w = world(at('2026-11-02'));
    const { case: c, replayed } = await intake(w.ports, CLERK, { ...application(), idempotencyKey: key() }, META);
    expect(replayed).toBe(false);
    expect(c).toMatchObject({
      status: 'accepted',
      number: '411521-20261102-0001',
      countyCode: '411521',
      officeId: OFFICE,
      itemCode: PROMISED.code,
      itemVersion: 1,
      kind: 'promised',
      promisedDays: 5,
      statutoryDays: 10,
      acceptedOn: '2026-11-02',
      acceptedAt: at('2026-11-02').toISOString(),
      // Mon 11-02 + 5 working days, Thursday 11-05 a holiday and a weekend between: Tue 11-10
      dueDate: '2026-11-10',
      dueAt: bjEndOfDay('2026-11-10'),
      dueProvisional: false,
      missingMaterials: [],
      version: 1,
      createdBy: 'clerk.lingshan',
    });
    expect(c.applicant).toMatchObject({ nameMasked: '张*丰', idMasked: '1101**********002X', phoneMasked: '138****5678', phone4: '5678' });
    // the raw ID number and phone exist only sealed
    const { sealed, ...shown } = c.applicant;
    expect(JSON.stringify(shown)).not.toContain(PERSON.idNumber);
    expect(JSON.stringify(shown)).not.toContain(PERSON.phone);
    expect(JSON.stringify(sealed)).not.toContain(PERSON.idNumber);
    expect(await w.ports.sealer.unseal(sealed)).toEqual({ id: PERSON.idNumber, phone: PERSON.phone });
    // stored with the applicant's keyed hash, never the number
    const stored = await w.store.get(c.id);
    expect(stored?.applicantHash).toBe(await w.ports.sealer.lookupHash(PERSON.idNumber));
    expect(stored?.record).toEqual(c);
    expect(await w.store.events(c.id)).toEqual([{ at: c.createdAt, type: 'accepted', by: 'clerk.lingshan', byName: CLERK.displayName }]);
    expect(w.store.counters(OFFICE, '2026-11-02')).toEqual({ taken: 1 });
    expect(w.store.counters(COUNTY_TOTAL, '2026-11-02')).toEqual({ taken: 1 });
  });

  it('a 即办件 is due the same day', async () => {
    const w = world(at('2026-11-02'));
    const { case: c } = await intake(
      w.ports,
      CLERK,
      { ...application({ itemCode: IMMEDIATE.code, materialsReceived: ['身份证'] }), idempotencyKey: key() },
      META,
    );
    expect(c).toMatchObject({ status: 'accepted', kind: 'immediate', promisedDays: 0, statutoryDays: 0, dueDate: '2026-11-02' });
  });

  it('names ALL missing required materials in one notice; the clock does not start', async () => {
    const w = world();
    const { case: c } = await intake(w.ports, CLERK, { ...application({ materialsReceived: ['委托书'] }), idempotencyKey: key() }, META);
    expect(c.status).toBe('awaiting_supplement');
    // both required ones; the optional 委托书 was brought and is never "missing"
    expect(c.missingMaterials).toEqual(['申请表', '居民户口簿']);
    expect(c).not.toHaveProperty('dueDate');
    expect(c).not.toHaveProperty('acceptedAt');
    expect(await w.store.events(c.id)).toEqual([expect.objectContaining({ type: 'supplement_notice', note: '缺：申请表、居民户口簿' })]);
    // not taken yet: nothing counted
    expect(w.store.counters(OFFICE, '2026-11-02')).toEqual({});
    expect(w.store.audits.map((a) => a.action)).toEqual(['case.intake.awaiting_supplement']);
  });

  it('refuses at intake in writing, with the reason and where to go instead', async () => {
    const w = world();
    const { case: c } = await intake(
      w.ports,
      CLERK,
      { ...application({ materialsReceived: [], notAccepted: { ground: 'not-eligible', reason: '申请人户籍不在本县' } }), idempotencyKey: key() },
      META,
    );
    expect(c.status).toBe('not_accepted');
    expect(c.notAccepted).toEqual({ ground: 'not-eligible', reason: '申请人户籍不在本县', referTo: '罗山县测试局；灵山镇便民服务中心；咨询电话 0376-2178559' });
    expect(c.missingMaterials).toEqual([]);
    expect(c).not.toHaveProperty('dueDate');
    expect((await w.store.events(c.id)).map((e) => e.type)).toEqual(['not_accepted']);
    expect(w.store.counters(OFFICE, '2026-11-02')).toEqual({});
    expect(w.store.audits.map((a) => a.action)).toEqual(['case.intake.not_accepted']);
  });

  it('an organisation whose credit code fails its check digit is accepted with a warning', async () => {
    const w = world();
    const org = { type: 'organisation' as const, name: '罗山县某某有限公司', creditCode: '91411521MA00000000', phone: '13912345678' };
    const { case: c } = await intake(w.ports, CLERK, { ...application({ applicant: org }), idempotencyKey: key() }, META);
    expect(c.applicant).toMatchObject({ type: 'organisation', nameMasked: '罗山县某某有限公司', idWarning: expect.stringContaining('校验位') });
  });
});

describe('intake: refusals that write nothing', () => {
  it.each([
    [['申请表', '营业执照'], 1],
    [['不存在的材料'], 0],
    [['申请表', '居民户口簿', '委托书', '外来材料'], 3],
  ])('materials %j not of the item → ValidationError at materialsReceived.%i', async (materials, index) => {
    const w = world();
    const err = await intake(w.ports, CLERK, { ...application({ materialsReceived: materials }), idempotencyKey: key() }, META).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fields).toEqual([{ path: `materialsReceived.${index}`, message: `“${materials[index]}”不是该事项的申请材料` }]);
    expect(w.store.commits).toBe(0);
    // no number was used up either
    expect((await intake(w.ports, CLERK, { ...application(), idempotencyKey: key() }, META)).case.number).toBe('411521-20261102-0001');
  });

  it('an unknown or unpublished item → ValidationError at itemCode', async () => {
    const w = world();
    const err = await intake(w.ports, CLERK, { ...application({ itemCode: 'NO-SUCH' }), idempotencyKey: key() }, META).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fields[0]).toEqual({ path: 'itemCode', message: '事项 NO-SUCH 不存在或未发布' });
    expect(w.store.commits).toBe(0);
  });

  it('needs the case.accept scope', async () => {
    const w = world();
    await expect(intake(w.ports, SUPERVISOR, { ...application(), idempotencyKey: key() }, META)).rejects.toBeInstanceOf(ForbiddenError);
    expect(w.store.commits).toBe(0);
  });
});

describe('intake: idempotency and numbers', () => {
  it('the same key with the same body gives the same case, replayed, written once', async () => {
    const w = world();
    const k = key();
    const first = await intake(w.ports, CLERK, { ...application(), idempotencyKey: k }, META);
    const again = await intake(w.ports, CLERK, { ...application(), idempotencyKey: k }, META);
    expect(again).toEqual({ case: first.case, replayed: true });
    expect(w.store.commits).toBe(1);
    expect(w.store.audits).toHaveLength(1);
    expect(w.store.counters(OFFICE, '2026-11-02')).toEqual({ taken: 1 });
  });

  it('the same key with another body → 409 IDEMPOTENCY_KEY_REUSED, nothing written', async () => {
    const w = world();
    const k = key();
    await intake(w.ports, CLERK, { ...application(), idempotencyKey: k }, META);
    const err = await intake(w.ports, CLERK, { ...application({ materialsReceived: [] }), idempotencyKey: k }, META).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({ kind: 'conflict', code: 'IDEMPOTENCY_KEY_REUSED', message: '该受理请求编号已用于另一份申请，请刷新页面后重新受理' });
    expect(w.store.commits).toBe(1);
  });

  it('concurrent intakes with one key create one case', async () => {
    const w = world();
    const k = key();
    const results = await Promise.all(Array.from({ length: 10 }, () => intake(w.ports, CLERK, { ...application(), idempotencyKey: k }, META)));
    expect(new Set(results.map((r) => r.case.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(w.store.commits).toBe(1);
  });

  it('numbers run 0001, 0002… per county and day, and start again the next day', async () => {
    const w = world(at('2026-11-02', '08:31'));
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) numbers.push((await intake(w.ports, CLERK, { ...application(), idempotencyKey: key() }, META)).case.number);
    // 23:59 Beijing is still the same China day, though already the next UTC hour
    w.setNow(at('2026-11-02', '23:59'));
    numbers.push((await intake(w.ports, CLERK, { ...application({ materialsReceived: [] }), idempotencyKey: key() }, META)).case.number);
    w.setNow(at('2026-11-03', '00:01'));
    numbers.push((await intake(w.ports, CLERK, { ...application(), idempotencyKey: key() }, META)).case.number);
    // another county keeps its own sequence
    numbers.push((await intake(w.ports, principal({ officeId: '411522-center' }), { ...application(), idempotencyKey: key() }, META)).case.number);
    expect(numbers).toEqual([
      '411521-20261102-0001',
      '411521-20261102-0002',
      '411521-20261102-0003',
      '411521-20261102-0004',
      '411521-20261103-0001',
      '411522-20261103-0001',
    ]);
  });

  describe('a busy store', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('is tried again; the retried attempt takes the next number', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout'] });
      const w = world();
      w.store.failNextCommits(2);
      const pending = intake(w.ports, CLERK, { ...application(), idempotencyKey: key() }, META);
      await vi.runAllTimersAsync();
      const { case: c } = await pending;
      expect(c.number).toBe('411521-20261102-0003');
      expect(w.store.commits).toBe(1);
      expect(w.store.audits).toHaveLength(1);
    });

    it('that stays busy is reported as a conflict (409), not a crash', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout'] });
      const w = world();
      w.store.failNextCommits(100);
      const pending = intake(w.ports, CLERK, { ...application(), idempotencyKey: key() }, META).catch((e) => e);
      await vi.runAllTimersAsync();
      expect(await pending).toMatchObject({ kind: 'conflict', code: 'CASE_STORE_BUSY' });
      expect(w.store.commits).toBe(0);
    });
  });
});
