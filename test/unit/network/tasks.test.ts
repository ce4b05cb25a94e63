import { describe, expect, it } from 'vitest';
import { intake } from '../../../shared/cases/intake.ts';
import { lifecycle } from '../../../shared/cases/lifecycle.ts';
import { getCase } from '../../../shared/cases/queries.ts';
import { NotFoundError } from '../../../shared/errors/domain-errors.ts';
import { listInbox } from '../../../shared/network/inbox.ts';
import { answerTask, assignTask, receiveTask } from '../../../shared/network/tasks.ts';
import { forward, receive } from '../../../shared/network/transfer.ts';
import type { Principal } from '../../../shared/identity/principal.ts';
import { application, at, CLERK, DEPT2_OFFICE, DEPT_OFFICE, META, OFFICE, requiredOf } from '../cases/fixtures.ts';
import { DEPT2_CLERK, DEPT_CLERK, DIBAO, JOINT, THIRD_CLERK, world, type World } from './fixtures.ts';

const take = async (w: World, itemCode: string, p: Principal = CLERK) =>
  (await intake(w.ports, p, { ...application({ itemCode, materialsReceived: requiredOf(DIBAO) }), idempotencyKey: crypto.randomUUID() }, META)).case;

/** 交办: 县民政局, holding a 低保 case, asks 灵山镇 for an on-site verification and goes on with its answer. */
describe('交办 of a task (county → township) and its answer', () => {
  it('the township signs, does it and answers with its attachments described; each message thrice, applied once; a third township sees nothing', async () => {
    const w = world(at('2026-11-02', '09:00'));
    const c = await take(w, DIBAO.code);
    await forward(w.ports, CLERK, { id: c.id, expectedVersion: 1, toOfficeId: DEPT_OFFICE, reason: '转报' }, META);
    await w.deliver();
    w.setNow(at('2026-11-02', '10:00'));
    const r = await receive(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: 3 }, META);

    w.setNow(at('2026-11-02', '11:00'));
    const { taskId } = await assignTask(
      w.ports,
      DEPT_CLERK,
      { id: c.id, expectedVersion: r.version, toOfficeId: OFFICE, kind: 'verify', title: '入户核查家庭收入和财产', days: 3 },
      META,
    );
    const commits = w.store.commits;
    await w.deliver(3);
    expect(w.store.commits).toBe(commits + 1);
    const inbox = await listInbox(w.ports, CLERK, { kind: 'task' });
    expect(inbox.entries).toEqual([expect.objectContaining({ caseId: c.id, taskId, fromOfficeName: '县民政局', title: '实地核查：入户核查家庭收入和财产' })]);
    await expect(getCase(w.ports, THIRD_CLERK, { id: c.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(receiveTask(w.ports, THIRD_CLERK, { id: c.id, taskId, expectedVersion: 5 }, META)).rejects.toBeInstanceOf(NotFoundError);

    w.setNow(at('2026-11-03', '09:00'));
    const seen = await getCase(w.ports, CLERK, { id: c.id });
    expect(seen.phases).toEqual([expect.objectContaining({ name: 'task_receive', officeId: OFFICE, late: false })]);
    // the township acts only on its task: the case is in the department's hands
    await expect(lifecycle.decide(w.ports, CLERK, { id: c.id, expectedVersion: seen.case.version, result: 'approved' }, META)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const got = await receiveTask(w.ports, CLERK, { id: c.id, taskId, expectedVersion: seen.case.version }, META);
    expect((await listInbox(w.ports, CLERK, { kind: 'task' })).entries).toEqual([]);
    w.setNow(at('2026-11-04', '15:00'));
    const { answerId } = await answerTask(
      w.ports,
      CLERK,
      {
        id: c.id,
        taskId,
        expectedVersion: got.version,
        result: '经入户核查，家庭人均收入低于当地低保标准',
        attachments: [{ name: '入户调查表', description: '两名工作人员签字，申请人按手印' }],
      },
      META,
    );
    expect(w.hops.sent).toEqual([expect.objectContaining({ type: 'task_answer', hopId: answerId, fromOfficeId: OFFICE, toOfficeId: DEPT_OFFICE })]);
    await w.deliver(3);

    const d = await getCase(w.ports, DEPT_CLERK, { id: c.id });
    expect(d.case.tasks).toEqual([
      expect.objectContaining({
        id: taskId,
        phase: 'answered',
        answer: expect.objectContaining({ attachments: [{ name: '入户调查表', description: '两名工作人员签字，申请人按手印' }] }),
      }),
    ]);
    expect(d.events.map((e) => e.type)).toEqual(['accepted', 'forwarded', 'received', 'task_assigned', 'task_received', 'task_answered']);
    expect(d.phases).toEqual([]);
    // the department goes on
    expect((await lifecycle.decide(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: d.case.version, result: 'approved' }, META)).status).toBe('decided');
  });

  it("a task is never due after the citizen's promise, and one open task of a kind per office", async () => {
    const w = world(at('2026-11-02'));
    const c = await take(w, JOINT.code);
    // accepted 11-02, promised 5 working days (11-05 a holiday): due 11-10
    await expect(
      assignTask(w.ports, CLERK, { id: c.id, expectedVersion: 1, toOfficeId: DEPT_OFFICE, kind: 'opinion', title: '初审意见', days: 10 }, META),
    ).rejects.toMatchObject({ code: 'TASK_PAST_CASE_DUE', fields: [{ path: 'days' }] });
    const a = await assignTask(w.ports, CLERK, { id: c.id, expectedVersion: 1, toOfficeId: DEPT_OFFICE, kind: 'opinion', title: '初审意见', days: 2 }, META);
    expect(a.case.tasks![0]).toMatchObject({ dueDate: '2026-11-04' });
    await expect(
      assignTask(w.ports, CLERK, { id: c.id, expectedVersion: 2, toOfficeId: DEPT_OFFICE, kind: 'opinion', title: '再次', days: 2 }, META),
    ).rejects.toMatchObject({ code: 'TASK_OPEN' });
  });
});

/** 联办: the lead sends the parts, each with its own limit inside the case's; it closes when all answered. */
describe('联办 with two offices', () => {
  it('the lead cannot close until both parts have answered', async () => {
    const w = world(at('2026-11-02', '09:00'));
    const c = await take(w, JOINT.code);
    expect(c.routedTo).toBeUndefined(); // the accepting township leads
    let v = c.version;
    for (const [to, days] of [
      [DEPT_OFFICE, 2],
      [DEPT2_OFFICE, 3],
    ] as const)
      v = (await assignTask(w.ports, CLERK, { id: c.id, expectedVersion: v, toOfficeId: to, kind: 'joint', title: '联办意见', days }, META)).case.version;
    await w.deliver(3);
    const answer = async (p: Principal, result: string) => {
      const k = (await getCase(w.ports, p, { id: c.id })).case.tasks!.find((x) => x.toOfficeId === p.officeId)!;
      const got = await receiveTask(w.ports, p, { id: c.id, taskId: k.id, expectedVersion: (await getCase(w.ports, p, { id: c.id })).case.version }, META);
      await answerTask(w.ports, p, { id: c.id, taskId: k.id, expectedVersion: got.version, result, attachments: [] }, META);
      await w.deliver(3);
    };
    await answer(DEPT_CLERK, '同意');
    const half = await getCase(w.ports, CLERK, { id: c.id });
    await expect(lifecycle.decide(w.ports, CLERK, { id: c.id, expectedVersion: half.case.version, result: 'approved' }, META)).rejects.toMatchObject({
      code: 'JOINT_PARTS_OPEN',
    });
    expect(half.phases).toEqual([expect.objectContaining({ name: 'task_receive', officeId: DEPT2_OFFICE })]);
    await answer(DEPT2_CLERK, '同意');
    const all = await getCase(w.ports, CLERK, { id: c.id });
    expect(all.case.tasks!.map((k) => [k.toOfficeId, k.phase, k.dueDate])).toEqual([
      [DEPT_OFFICE, 'answered', '2026-11-04'],
      [DEPT2_OFFICE, 'answered', '2026-11-06'],
    ]);
    const closed = await lifecycle.decide(w.ports, CLERK, { id: c.id, expectedVersion: all.case.version, result: 'approved' }, META);
    expect(closed.status).toBe('decided');
    const events = (await getCase(w.ports, CLERK, { id: c.id })).events.map((e) => e.type);
    expect(events.filter((e) => e === 'task_answered')).toHaveLength(2);
  });
});
