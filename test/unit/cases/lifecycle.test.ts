import { bjDay, bjEndOfDay } from '../../../shared/platform/beijing-time.ts';
import { describe, expect, it } from 'vitest';
import { intake } from '../../../shared/cases/intake.ts';
import { lifecycle } from '../../../shared/cases/lifecycle.ts';
import { CASE_STATUSES, STATUS_LABELS, type CaseRecord, type CaseStatus } from '../../../shared/cases/model.ts';
import { CASE_ACTIONS, NETWORK_ACTIONS, type LifecycleAction as CaseAction } from '../../../shared/cases/transitions.ts';
import { COUNTY_TOTAL } from '../../../shared/cases/model.ts';

import { ConflictError, ForbiddenError, NotFoundError, RuleError } from '../../../shared/errors/domain-errors.ts';
import type { Principal } from '../../../shared/identity/principal.ts';
import {
  application,
  at,
  caseIn,
  CLERK,
  COUNTY_ACTOR,
  HEAD,
  IMMEDIATE,
  META,
  OFFICE,
  OTHER_CLERK,
  PROMISED,
  requiredOf,
  SUPERVISOR,
  TIGHT,
  world,
  type World,
} from './fixtures.ts';

/** A valid input for each action on a case at version `v` (rules beyond the status are met). */
const INPUTS: Record<CaseAction, (id: string, v: number) => object> = {
  supplement: (id, v) => ({ id, expectedVersion: v, materialsReceived: requiredOf(PROMISED) }),
  start: (id, v) => ({ id, expectedVersion: v }),
  suspend: (id, v) => ({ id, expectedVersion: v, procedure: '现场勘查', expectedDays: 3, notice: '需现场勘查' }),
  resume: (id, v) => ({ id, expectedVersion: v }),
  extend: (id, v) => ({ id, expectedVersion: v, days: 3, reason: '需补充调查' }),
  fees: (id, v) => ({ id, expectedVersion: v, amount: 20, receiptNo: 'PJ-0001' }),
  decide: (id, v) => ({ id, expectedVersion: v, result: 'approved' }),
  deliver: (id, v) => ({ id, expectedVersion: v, method: 'pickup', signedBy: '张三丰' }),
  withdraw: (id, v) => ({ id, expectedVersion: v, reason: '申请人撤回' }),
};

/** The status each action leaves (same: the status does not change). */
const LEAVES: Record<CaseAction, CaseStatus | 'same'> = {
  supplement: 'accepted',
  start: 'in_progress',
  suspend: 'suspended',
  resume: 'in_progress',
  extend: 'same',
  fees: 'same',
  decide: 'decided',
  deliver: 'delivered',
  withdraw: 'withdrawn',
};

const run = (w: World, action: CaseAction, p: Principal, input: object) =>
  (lifecycle[action] as (ports: World['ports'], p: Principal, input: object, meta: typeof META) => Promise<CaseRecord>)(w.ports, p, input, META);

// the network's actions (转报, 签收, 回复…) have their own tests: test/unit/network/
const ACTIONS = (Object.keys(CASE_ACTIONS) as CaseAction[]).filter((a) => !(NETWORK_ACTIONS as readonly string[]).includes(a));
const TABLE = ACTIONS.flatMap((action) =>
  CASE_STATUSES.map((status) => [action, status, (CASE_ACTIONS[action].from as readonly CaseStatus[]).includes(status)] as const),
);

describe('the state machine: every action × every status, from CASE_ACTIONS', () => {
  it('covers all 9 actions × 8 statuses', () => {
    expect(TABLE).toHaveLength(ACTIONS.length * CASE_STATUSES.length);
    expect(Object.keys(lifecycle).sort()).toEqual([...ACTIONS].sort());
  });

  it.each(TABLE)('%s on a %s case: allowed = %s', async (action, status, allowed) => {
    const w = world(at('2026-11-04'));
    const c = caseIn(status);
    w.store.seed(c, 'hash-1');
    const attempt = run(w, action, HEAD, INPUTS[action](c.id, c.version));
    if (allowed) {
      const next = await attempt;
      expect(next.status).toBe(LEAVES[action] === 'same' ? status : LEAVES[action]);
      expect(next.version).toBe(c.version + 1);
      const stored = await w.store.get(c.id);
      expect(stored).toEqual({ record: next, applicantHash: 'hash-1' });
      expect(w.store.commits).toBe(1);
      expect(w.store.audits).toEqual([
        {
          actor: { userId: HEAD.userId, username: HEAD.username, officeId: OFFICE, displayName: HEAD.displayName },
          action: `case.${action}`,
          target: { type: 'case', id: c.id },
          result: 'success',
          sourceIp: META.sourceIp,
          userAgent: META.userAgent,
          detail: c.number,
        },
      ]);
      expect(await w.store.events(c.id)).toHaveLength(1);
    } else {
      const err = await attempt.catch((e) => e);
      expect(err).toBeInstanceOf(RuleError);
      expect(err).toMatchObject({ code: 'INVALID_STATE', message: `办件当前为“${STATUS_LABELS[status]}”，不能${CASE_ACTIONS[action].label}` });
      expect(w.store.commits).toBe(0);
      expect((await w.store.get(c.id))?.record).toEqual(c);
    }
  });
});

describe('who may act', () => {
  it.each(ACTIONS)('%s: a stale version → 409 STALE_VERSION, nothing written', async (action) => {
    const w = world(at('2026-11-04'));
    const c = caseIn(CASE_ACTIONS[action].from[0]);
    w.store.seed(c);
    const err = await run(w, action, HEAD, INPUTS[action](c.id, c.version - 1)).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({ code: 'STALE_VERSION', message: '办件已被他人更新，请刷新后再操作' });
    expect(w.store.commits).toBe(0);
  });

  it('two clerks acting on the same version at once: one wins, the other gets STALE_VERSION', async () => {
    const w = world(at('2026-11-04'));
    const c = caseIn('in_progress');
    w.store.seed(c);
    const results = await Promise.allSettled([
      lifecycle.decide(w.ports, CLERK, { id: c.id, expectedVersion: c.version, result: 'approved' }, META),
      lifecycle.withdraw(w.ports, CLERK, { id: c.id, expectedVersion: c.version, reason: '撤回' }, META),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'STALE_VERSION' });
    expect(w.store.commits).toBe(1);
    expect(w.store.audits).toHaveLength(1);
  });

  it.each(ACTIONS)('%s: a case of another office → NotFoundError, as if it did not exist', async (action) => {
    const w = world(at('2026-11-04'));
    const c = caseIn(CASE_ACTIONS[action].from[0]);
    w.store.seed(c);
    await expect(run(w, action, principal(OTHER_CLERK, action), INPUTS[action](c.id, c.version))).rejects.toBeInstanceOf(NotFoundError);
    await expect(run(w, action, principal(OTHER_CLERK, action), INPUTS[action]('00000000-0000-4000-8000-999999999999', 1))).rejects.toThrow('办件不存在');
    expect(w.store.commits).toBe(0);
  });

  it.each(ACTIONS)('%s: a county-wide reader sees the case but cannot act on it', async (action) => {
    const w = world(at('2026-11-04'));
    const c = caseIn(CASE_ACTIONS[action].from[0]);
    w.store.seed(c);
    // without the action's scope: refused outright; with it (a county's config): still not its office
    await expect(run(w, action, SUPERVISOR, INPUTS[action](c.id, c.version))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(run(w, action, principal(COUNTY_ACTOR, action), INPUTS[action](c.id, c.version))).rejects.toBeInstanceOf(NotFoundError);
    expect(w.store.commits).toBe(0);
  });

  it('the office a case was handed to may act on it', async () => {
    const w = world(at('2026-11-04'));
    const c = caseIn('accepted', { handedTo: OTHER_CLERK.officeId });
    w.store.seed(c);
    expect((await lifecycle.start(w.ports, OTHER_CLERK, { id: c.id, expectedVersion: c.version }, META)).status).toBe('in_progress');
  });

  it('extending needs case.extend (a center head), not a clerk', async () => {
    const w = world(at('2026-11-04'));
    const c = caseIn('in_progress');
    w.store.seed(c);
    await expect(lifecycle.extend(w.ports, CLERK, { id: c.id, expectedVersion: c.version, days: 1, reason: '需补充调查' }, META)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

/** The principal itself, with the scope of the action added (to get past the scope check). */
function principal(p: Principal, action: CaseAction): Principal {
  return { ...p, scopes: [...new Set([...p.scopes, CASE_ACTIONS[action].scope])] };
}

describe('特别程序: suspension and resumption', () => {
  it('resume moves the due date by the working days suspended (weekend and holiday not counted)', async () => {
    const w = world(at('2026-11-02'));
    const { case: c } = await intake(w.ports, CLERK, { ...application(), idempotencyKey: crypto.randomUUID() }, META);
    expect(c.dueDate).toBe('2026-11-10');
    w.setNow(at('2026-11-04')); // Wednesday
    const s = await lifecycle.suspend(w.ports, CLERK, { id: c.id, expectedVersion: 1, procedure: '现场勘查', expectedDays: 5, notice: '需现场勘查' }, META);
    expect(s).toMatchObject({ status: 'suspended', suspensions: [{ procedure: '现场勘查', from: '2026-11-04', expectedDays: 5, notice: '需现场勘查' }] });
    // the open-by-due lists no longer hold it
    expect(await w.store.openDueBy(OFFICE, bjEndOfDay('2026-12-31'))).toEqual([]);
    w.setNow(at('2026-11-09')); // next Monday
    const r = await lifecycle.resume(w.ports, CLERK, { id: c.id, expectedVersion: 2 }, META);
    // suspended Wed 11-04 … Sun 11-08: Wed and Fri are working days (Thu 11-05 a holiday), so + 2
    expect(r).toMatchObject({ status: 'in_progress', dueDate: '2026-11-12', dueAt: bjEndOfDay('2026-11-12') });
    expect(r.suspensions).toEqual([{ procedure: '现场勘查', from: '2026-11-04', to: '2026-11-09', expectedDays: 5, notice: '需现场勘查' }]);
    expect((await w.store.events(c.id)).map((e) => [e.type, e.note])).toEqual([
      ['accepted', undefined],
      ['suspended', '现场勘查，预计 5 天'],
      ['resumed', undefined],
    ]);
    // a second suspension adds up with the first
    await lifecycle.suspend(w.ports, CLERK, { id: c.id, expectedVersion: 3, procedure: '现场勘查', expectedDays: 1, notice: '复查' }, META);
    w.setNow(at('2026-11-10'));
    expect((await lifecycle.resume(w.ports, CLERK, { id: c.id, expectedVersion: 4 }, META)).dueDate).toBe('2026-11-13');
  });

  it('a suspension and a resume on the same day cost nothing', async () => {
    const w = world(at('2026-11-02'));
    const { case: c } = await intake(w.ports, CLERK, { ...application(), idempotencyKey: crypto.randomUUID() }, META);
    await lifecycle.suspend(w.ports, CLERK, { id: c.id, expectedVersion: 1, procedure: '现场勘查', expectedDays: 1, notice: '勘查' }, META);
    w.setNow(at('2026-11-02', '16:00'));
    expect((await lifecycle.resume(w.ports, CLERK, { id: c.id, expectedVersion: 2 }, META)).dueDate).toBe('2026-11-10');
  });

  it.each([
    ['听证', 1, 'UNKNOWN_PROCEDURE', 'procedure'],
    ['现场勘查', 6, 'PROCEDURE_TOO_LONG', 'expectedDays'],
  ])('%s for %i days → %s naming %s', async (procedure, expectedDays, code, path) => {
    const w = world();
    const c = caseIn('in_progress');
    w.store.seed(c);
    const err = await lifecycle
      .suspend(w.ports, CLERK, { id: c.id, expectedVersion: c.version, procedure, expectedDays, notice: '告知' }, META)
      .catch((e) => e);
    expect(err).toBeInstanceOf(RuleError);
    expect(err.code).toBe(code);
    expect(err.fields[0].path).toBe(path);
    expect(w.store.commits).toBe(0);
  });
});

describe('延期: extension', () => {
  it('once, within the statutory room, moving the due date by working days', async () => {
    const w = world(at('2026-11-02'));
    const { case: c } = await intake(w.ports, CLERK, { ...application(), idempotencyKey: crypto.randomUUID() }, META);
    w.setNow(at('2026-11-06'));
    const tooLong = await lifecycle.extend(w.ports, HEAD, { id: c.id, expectedVersion: 1, days: 6, reason: '需补充调查' }, META).catch((e) => e);
    expect(tooLong).toMatchObject({
      code: 'EXTENSION_TOO_LONG',
      message: '延期不能超过法定时限，最多 5 个工作日',
      fields: [{ path: 'days', message: '最多 5 个工作日' }],
    });
    const e = await lifecycle.extend(w.ports, HEAD, { id: c.id, expectedVersion: 1, days: 3, reason: '需补充调查' }, META);
    // 5 + 3 working days from Mon 11-02: 03 04 06 09 10 11 12 13
    expect(e).toMatchObject({
      dueDate: '2026-11-13',
      extension: { days: 3, reason: '需补充调查', approvedBy: 'head.lingshan', at: at('2026-11-06').toISOString() },
    });
    expect((await w.store.events(c.id)).at(-1)).toMatchObject({
      type: 'extended',
      by: 'head.lingshan',
      byName: HEAD.displayName,
      note: '延长 3 个工作日：需补充调查',
    });
    const twice = await lifecycle.extend(w.ports, HEAD, { id: c.id, expectedVersion: 2, days: 1, reason: '再延一天' }, META).catch((x) => x);
    expect(twice).toMatchObject({ code: 'ALREADY_EXTENDED', message: '每件只能延期一次' });
  });

  it('an extension counts with a suspension', async () => {
    const w = world(at('2026-11-02'));
    const { case: c } = await intake(w.ports, CLERK, { ...application(), idempotencyKey: crypto.randomUUID() }, META);
    w.setNow(at('2026-11-04'));
    await lifecycle.suspend(w.ports, CLERK, { id: c.id, expectedVersion: 1, procedure: '现场勘查', expectedDays: 5, notice: '勘查' }, META);
    w.setNow(at('2026-11-09'));
    await lifecycle.resume(w.ports, CLERK, { id: c.id, expectedVersion: 2 }, META);
    // 5 promised + 2 suspended + 1 extended = 8 working days: 11-13
    expect((await lifecycle.extend(w.ports, HEAD, { id: c.id, expectedVersion: 3, days: 1, reason: '需补充调查' }, META)).dueDate).toBe('2026-11-13');
  });

  it.each([
    ['a 即办件', IMMEDIATE.code, 1, 'IMMEDIATE_NO_EXTENSION'],
    ['an item with no statutory room', TIGHT.code, 1, 'EXTENSION_TOO_LONG'],
  ])('never for %s', async (_what, itemCode, days, code) => {
    const w = world();
    const item = itemCode === IMMEDIATE.code ? IMMEDIATE : TIGHT;
    const { case: c } = await intake(
      w.ports,
      CLERK,
      { ...application({ itemCode, materialsReceived: requiredOf(item) }), idempotencyKey: crypto.randomUUID() },
      META,
    );
    await expect(lifecycle.extend(w.ports, HEAD, { id: c.id, expectedVersion: 1, days, reason: '需补充调查' }, META)).rejects.toMatchObject({ code });
  });
});

describe('办结: decisions and the daily counters', () => {
  const decideAt = async (itemCode: string, acceptedOn: Date, decidedOn: Date, result: 'approved' | 'refused' = 'approved') => {
    const w = world(acceptedOn);
    const item = itemCode === IMMEDIATE.code ? IMMEDIATE : PROMISED;
    const { case: c } = await intake(
      w.ports,
      CLERK,
      { ...application({ itemCode, materialsReceived: requiredOf(item) }), idempotencyKey: crypto.randomUUID() },
      META,
    );
    w.setNow(decidedOn);
    const d = await lifecycle.decide(w.ports, CLERK, { id: c.id, expectedVersion: 1, result, ...(result === 'refused' ? { reason: '不符合条件' } : {}) }, META);
    return { w, d };
  };

  it.each([
    // [what, item, accepted, decided, onTime, counters of the decision day, immediateLate]
    ['promised, before the due day', PROMISED.code, at('2026-11-02'), at('2026-11-06'), true, { decidedOnTime: 1 }, undefined],
    ['promised, on the last minute of the due day', PROMISED.code, at('2026-11-02'), at('2026-11-10', '23:59'), true, { decidedOnTime: 1 }, undefined],
    ['promised, the day after', PROMISED.code, at('2026-11-02'), at('2026-11-11', '08:30'), false, { decidedLate: 1 }, undefined],
    [
      'immediate, the same day',
      IMMEDIATE.code,
      at('2026-11-02', '09:00'),
      at('2026-11-02', '17:00'),
      true,
      { decidedOnTime: 1, immediateSameDay: 1 },
      undefined,
    ],
    ['immediate, the next day', IMMEDIATE.code, at('2026-11-02', '09:00'), at('2026-11-03', '09:00'), false, { decidedLate: 1 }, true],
  ] as const)('%s', async (_what, itemCode, accepted, decided, onTime, counters, immediateLate) => {
    const { w, d } = await decideAt(itemCode, accepted, decided);
    expect(d.decision).toEqual({ result: 'approved', at: decided.toISOString(), onTime, by: 'clerk.lingshan' });
    expect(d.immediateLate).toBe(immediateLate);
    const day = bjDay(decided);
    const taken = day === bjDay(accepted) ? { taken: 1 } : {};
    expect(w.store.counters(OFFICE, day)).toEqual({ ...taken, ...counters });
    expect(w.store.counters(COUNTY_TOTAL, day)).toEqual({ ...taken, ...counters });
    // the decided case left the open-by-due lists
    expect(await w.store.openDueBy(OFFICE, bjEndOfDay('2026-12-31'))).toEqual([]);
  });

  it('a refusal carries its reason onto the timeline', async () => {
    const { w, d } = await decideAt(PROMISED.code, at('2026-11-02'), at('2026-11-03'), 'refused');
    expect(d.decision).toMatchObject({ result: 'refused', reason: '不符合条件' });
    expect((await w.store.events(d.id)).at(-1)).toMatchObject({ type: 'refused', note: '不符合条件' });
  });
});

describe('fees, delivery, withdrawal', () => {
  it('fees are refused for an item that charges nothing (422 naming amount)', async () => {
    const w = world();
    const { case: c } = await intake(
      w.ports,
      CLERK,
      { ...application({ itemCode: TIGHT.code, materialsReceived: requiredOf(TIGHT) }), idempotencyKey: crypto.randomUUID() },
      META,
    );
    const err = await lifecycle.fees(w.ports, CLERK, { id: c.id, expectedVersion: 1, amount: 10, receiptNo: 'X' }, META).catch((e) => e);
    expect(err).toBeInstanceOf(RuleError);
    expect(err).toMatchObject({ code: 'FEES_NOT_ALLOWED', fields: [{ path: 'amount', message: '不收费事项不能登记收费' }] });
  });

  it('fees, decision and delivery on a charged item, each on the timeline', async () => {
    const w = world();
    const { case: c } = await intake(w.ports, CLERK, { ...application(), idempotencyKey: crypto.randomUUID() }, META);
    const f = await lifecycle.fees(w.ports, CLERK, { id: c.id, expectedVersion: 1, amount: 20, receiptNo: 'PJ-0001' }, META);
    expect(f.fees).toEqual({ amount: 20, receiptNo: 'PJ-0001', at: w.now().toISOString() });
    await lifecycle.decide(w.ports, CLERK, { id: c.id, expectedVersion: 2, result: 'approved' }, META);
    const d = await lifecycle.deliver(w.ports, CLERK, { id: c.id, expectedVersion: 3, method: 'post', signedBy: '张三丰' }, META);
    expect(d).toMatchObject({ status: 'delivered', delivery: { method: 'post', signedBy: '张三丰' } });
    expect((await w.store.events(c.id)).map((e) => [e.type, e.note])).toEqual([
      ['accepted', undefined],
      ['fees', '20 元，票据 PJ-0001'],
      ['approved', undefined],
      ['delivered', '邮寄，签收：张三丰'],
    ]);
    expect(w.store.audits.map((a) => a.action)).toEqual(['case.intake.accepted', 'case.fees', 'case.decide', 'case.deliver']);
  });

  it('a withdrawal records its reason', async () => {
    const w = world();
    const c = caseIn('suspended');
    w.store.seed(c);
    expect(await lifecycle.withdraw(w.ports, CLERK, { id: c.id, expectedVersion: c.version, reason: '申请人撤回' }, META)).toMatchObject({
      status: 'withdrawn',
      withdrawal: { reason: '申请人撤回', at: w.now().toISOString() },
    });
  });
});

describe('补正: supplements', () => {
  it('a partial supplement names what is still missing; the complete one makes the last supplement day the acceptance day', async () => {
    const w = world(at('2026-11-02'));
    const { case: c } = await intake(w.ports, CLERK, { ...application({ materialsReceived: [] }), idempotencyKey: crypto.randomUUID() }, META);
    w.setNow(at('2026-11-03'));
    const partial = await lifecycle.supplement(w.ports, CLERK, { id: c.id, expectedVersion: 1, materialsReceived: ['申请表'] }, META);
    expect(partial).toMatchObject({ status: 'awaiting_supplement', materialsReceived: ['申请表'], missingMaterials: ['居民户口簿'], version: 2 });
    expect(partial).not.toHaveProperty('dueDate');
    expect(w.store.counters(OFFICE, '2026-11-03')).toEqual({});
    w.setNow(at('2026-11-04'));
    const done = await lifecycle.supplement(w.ports, CLERK, { id: c.id, expectedVersion: 2, materialsReceived: ['居民户口簿', '申请表'] }, META);
    expect(done).toMatchObject({
      status: 'accepted',
      missingMaterials: [],
      materialsReceived: ['申请表', '居民户口簿'],
      acceptedOn: '2026-11-04',
      acceptedAt: at('2026-11-04').toISOString(),
      // Wed 11-04 + 5 working days: 06 09 10 11 12
      dueDate: '2026-11-12',
      version: 3,
    });
    expect((await w.store.events(c.id)).map((e) => [e.type, e.note])).toEqual([
      ['supplement_notice', '缺：申请表、居民户口簿'],
      ['supplement_partial', '仍缺：居民户口簿'],
      ['accepted', '补正后受理'],
    ]);
    // taken on the day it became accepted, not on the day of the notice
    expect(w.store.counters(OFFICE, '2026-11-02')).toEqual({});
    expect(w.store.counters(OFFICE, '2026-11-04')).toEqual({ taken: 1 });
    expect(w.store.audits.map((a) => a.action)).toEqual(['case.intake.awaiting_supplement', 'case.supplement', 'case.supplement']);
  });
});

describe('a busy store', () => {
  it('is tried again with the same writes', async () => {
    const w = world();
    const c = caseIn('accepted');
    w.store.seed(c);
    w.store.failNextCommits(1);
    expect((await lifecycle.start(w.ports, CLERK, { id: c.id, expectedVersion: c.version }, META)).status).toBe('in_progress');
    expect(w.store.commits).toBe(1);
    expect(w.store.audits).toHaveLength(1);
  });
});

describe('the scope each action needs comes from CASE_ACTIONS', () => {
  it.each(ACTIONS)('%s', async (action) => {
    const w = world(at('2026-11-04'));
    const c = caseIn(CASE_ACTIONS[action].from[0]);
    w.store.seed(c);
    const without = { ...HEAD, scopes: HEAD.scopes.filter((s) => s !== CASE_ACTIONS[action].scope) };
    await expect(run(w, action, without, INPUTS[action](c.id, c.version))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
