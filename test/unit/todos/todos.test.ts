import { bjEndOfDay } from '../../../shared/platform/beijing-time.ts';
import { describe, expect, it } from 'vitest';

import { lifecycle } from '../../../shared/cases/lifecycle.ts';
import { intake } from '../../../shared/cases/intake.ts';
import { createCommission, takeIn } from '../../../shared/network/commissions.ts';
import { forward, receive, returnCase } from '../../../shared/network/transfer.ts';
import { memoryHallStore } from '../../../shared/hall/memory-hall.ts';
import { memoryRatingStore } from '../../../shared/ratings/memory-ratings.ts';
import type { RectificationTask } from '../../../shared/ratings/model.ts';
import { memorySupervisionStore } from '../../../shared/supervision/memory-supervision.ts';
import { issueOrder } from '../../../shared/supervision/orders.ts';
import { memoryTodoSources } from '../../../shared/todos/memory-todos.ts';
import type { TodoPorts } from '../../../shared/todos/ports.ts';
import { listTodos } from '../../../shared/todos/todos.ts';
import { application, at, CLERK, DEPT_OFFICE, HEAD, META, OFFICE, SUPERVISOR } from '../cases/fixtures.ts';
import { AGENT, DEPT_CLERK, DIBAO, OTHER_TOWNSHIP_CLERK, world, type World } from '../network/fixtures.ts';

/** The to-do list over the memory stores: each person sees what is theirs to do next, with its deadline. */
describe('the to-do list', () => {
  const setup = (start = at('2026-11-02', '09:00')) => {
    const w = world(start);
    const orders = memorySupervisionStore();
    const ratings = memoryRatingStore();
    const ports: TodoPorts = {
      sources: memoryTodoSources({ cases: w.store, orders, ratings, hall: memoryHallStore() }),
      offices: w.ports.offices,
      calendar: w.ports.calendar,
      clock: w.ports.clock,
      limits: w.ports.limits,
    };
    return { w, orders, ratings, ports };
  };
  const applicant = { type: 'person' as const, name: '赵六', idNumber: '11010519491231002X', phone: '13912345678' };
  /** A 低保 commission with only the application form: 居民户口簿 is missing. */
  const commission = (w: World) =>
    createCommission(
      w.ports,
      AGENT,
      { itemCode: DIBAO.code, applicant, materialsCollected: ['申请表'], consent: { given: true, method: 'signed' } } as never,
      META,
    );

  it('follows a commission: 待签收 → 待补正 with the list (township and agent) → 待转报 → 待签收 at the department → 待回复 → 待回交', async () => {
    const { w, ports } = setup();
    const { commission: k } = await commission(w);
    await w.deliver();
    let mine = await listTodos(ports, CLERK);
    expect(mine.todos).toEqual([
      expect.objectContaining({
        kind: 'sign_for',
        label: '待签收：代办件',
        caseId: null,
        commissionId: k.id,
        number: k.number,
        due: k.takeInDueAt,
        late: false,
      }),
    ]);
    expect(mine.todos[0]!.link).toBe(`/commissions/${k.id}`);
    expect(mine.counts).toMatchObject({ sign_for: 1, total: 1, late: 0 });
    // another township sees none of it
    expect((await listTodos(ports, OTHER_TOWNSHIP_CLERK)).todos).toEqual([]);

    // taken in with a material missing: 待补正 for both the township and the agent, with the list
    const { case: c } = await takeIn(w.ports, CLERK, { id: k.id, expectedVersion: 2 }, META);
    expect(c.status).toBe('awaiting_supplement');
    mine = await listTodos(ports, CLERK);
    expect(mine.todos).toEqual([expect.objectContaining({ kind: 'supplement', caseId: c.id, missing: ['居民户口簿'], label: '待补正：待代办员补交' })]);
    // due like a hop: the end of the next working day (Tuesday 11-03)
    expect(mine.todos[0]!.due).toBe(bjEndOfDay('2026-11-03'));
    const agent = await listTodos(ports, AGENT);
    expect(agent.todos).toEqual([
      expect.objectContaining({ kind: 'supplement', caseId: c.id, commissionId: k.id, missing: ['居民户口簿'], link: `/commissions/${k.id}` }),
    ]);
    expect(agent.counts.supplement).toBe(1);

    // supplemented: accepted, and 县民政局 decides it, so 灵山镇 owes the 转报
    const s = await lifecycle.supplement(w.ports, CLERK, { id: c.id, expectedVersion: c.version, materialsReceived: ['居民户口簿'] }, META);
    expect((await listTodos(ports, AGENT)).todos).toEqual([]);
    mine = await listTodos(ports, CLERK);
    expect(mine.todos).toEqual([expect.objectContaining({ kind: 'hand_back', label: '待转报', caseId: c.id, due: bjEndOfDay('2026-11-03') })]);

    await forward(w.ports, CLERK, { id: c.id, expectedVersion: s.version, toOfficeId: DEPT_OFFICE, reason: '低保由县民政局审批' }, META);
    await w.deliver();
    const dept = await listTodos(ports, DEPT_CLERK);
    expect(dept.todos).toEqual([expect.objectContaining({ kind: 'sign_for', label: '待签收：转报件', caseId: c.id, detail: '来自灵山镇' })]);
    expect((await listTodos(ports, CLERK)).todos.filter((t) => t.kind !== 'due_soon')).toEqual([]);

    w.setNow(at('2026-11-03', '09:00'));
    const r = await receive(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: (await w.store.get(c.id))!.record.version }, META);
    const d = await lifecycle.decide(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: r.version, result: 'approved' }, META);
    expect((await listTodos(ports, DEPT_CLERK)).todos).toEqual([
      expect.objectContaining({ kind: 'hand_back', label: '待回复', due: bjEndOfDay('2026-11-04') }),
    ]);

    w.setNow(at('2026-11-04', '10:00'));
    await returnCase(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: d.version, note: '准予' }, META);
    await w.deliver();
    expect((await listTodos(ports, DEPT_CLERK)).todos).toEqual([]);
    // back at 灵山镇: 待回交 to the station by the end of the next working day — Friday 11-06, the 5th is a holiday
    mine = await listTodos(ports, CLERK);
    expect(mine.todos).toEqual([expect.objectContaining({ kind: 'hand_back', label: '待回交', caseId: c.id, due: bjEndOfDay('2026-11-06'), late: false })]);
    expect(mine.counts).toMatchObject({ hand_back: 1, total: 1 });
    w.setNow(at('2026-11-09', '09:00'));
    expect((await listTodos(ports, CLERK)).counts).toMatchObject({ hand_back: 1, late: 1 });
  });

  it('lists cases within a working day of their promised date, overdue first, for the office that has them', async () => {
    const { w, ports } = setup(at('2026-11-02', '09:00'));
    // 5 working days from Monday 11-02 with Thursday 11-05 off: due Tuesday 11-10
    const { case: c } = await intake(w.ports, CLERK, { ...application(), idempotencyKey: 'k-due-1' } as never, META);
    expect((await listTodos(ports, CLERK)).todos).toEqual([]);
    w.setNow(at('2026-11-09', '10:00'));
    expect((await listTodos(ports, CLERK)).todos).toEqual([
      expect.objectContaining({ kind: 'due_soon', caseId: c.id, due: c.dueAt, late: false, label: '临近承诺期限' }),
    ]);
    expect((await listTodos(ports, OTHER_TOWNSHIP_CLERK)).todos).toEqual([]);
    w.setNow(at('2026-11-11', '10:00'));
    expect((await listTodos(ports, CLERK)).todos).toEqual([expect.objectContaining({ kind: 'due_soon', late: true, label: '已超期' })]);
  });

  it("gives the center head the office's 督办 to answer and 差评 to call back, the clerk neither, and the supervisor the appeals", async () => {
    const { w, orders, ratings, ports } = setup();
    const { case: c } = await intake(w.ports, CLERK, { ...application(), idempotencyKey: 'k-ord-1' } as never, META);
    const o = await issueOrder(
      { store: orders, cases: w.store, calendar: w.ports.calendar, clock: w.ports.clock },
      SUPERVISOR,
      { caseId: c.id, requirement: '请说明办理进度', deadlineWorkdays: 2 },
      META,
    );
    const task = (caseId: string, status: RectificationTask['status'], over: Partial<RectificationTask> = {}): RectificationTask => ({
      caseId,
      number: `411521-20261102-${caseId.slice(0, 4)}`,
      itemName: '测试承诺件',
      officeId: OFFICE,
      month: '2026-11',
      ratedAt: at('2026-11-02').toISOString(),
      level: 1,
      reason: '等候时间长',
      channel: 'web',
      callbackDueDate: '2026-11-03',
      callbackDueAt: bjEndOfDay('2026-11-03'),
      rectifyDueDate: '2026-11-23',
      rectifyDueAt: bjEndOfDay('2026-11-23'),
      provisional: false,
      status,
      createdAt: at('2026-11-02').toISOString(),
      version: 1,
      ...over,
    });
    await ratings.commit(
      [
        { op: 'put-task', task: task('c-open', 'open') },
        {
          op: 'put-task',
          task: task('c-called', 'open', {
            callback: { calledAt: at('2026-11-02').toISOString(), by: 'head', note: '已致歉', reached: true, at: at('2026-11-02').toISOString() },
          }),
        },
        { op: 'put-task', task: task('c-appeal', 'appealed', { appeal: { reason: '恶意差评', at: at('2026-11-02').toISOString(), by: 'head.lingshan' } }) },
        { op: 'put-task', task: task('c-other', 'open', { officeId: '411521-dongpu' }) },
      ],
      [],
    );
    const head = await listTodos(ports, HEAD);
    expect(head.counts).toMatchObject({ order: 1, rectify: 2 });
    expect(head.todos.filter((t) => t.kind === 'order')).toEqual([
      expect.objectContaining({ orderId: o.id, caseId: c.id, label: '督办待反馈', due: o.deadlineAt, detail: '请说明办理进度' }),
    ]);
    expect(head.todos.filter((t) => t.kind === 'rectify').map((t) => [t.caseId, t.label, t.due])).toEqual([
      ['c-open', '差评待回访', bjEndOfDay('2026-11-03')],
      ['c-called', '差评待整改', bjEndOfDay('2026-11-23')],
    ]);
    // most urgent first
    const dues = head.todos.map((t) => t.due);
    expect(dues).toEqual([...dues].sort());
    const clerk = await listTodos(ports, CLERK);
    expect(clerk.counts).toMatchObject({ order: 0, rectify: 0 });
    const sup = await listTodos(ports, SUPERVISOR);
    expect(sup.todos).toEqual([expect.objectContaining({ kind: 'rectify', caseId: 'c-appeal', label: '差评申诉待复核', detail: '灵山镇：恶意差评' })]);
  });
});
