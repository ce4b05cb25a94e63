import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { addClerk, pump, sqsOf } from '../network/support.ts';
import { acceptCase, invoke } from '../ratings/support.ts';

const DIBAO = demoItems().find((i) => i.name === '城乡最低生活保障对象认定')!;
const REQUIRED = DIBAO.materials.filter((m) => m.required).map((m) => m.name);
const applicant = { type: 'person', name: '赵六', idNumber: '11010519491231002X', phone: '13912345678' };

/**
 * GET /api/todos through the real gateway and handlers on DynamoDB Local and fauxqs: a commission
 * missing materials goes 待签收 → 待补正 (both the township and the agent, with the list) → the
 * agent supplements from the phone → 待转报 → 县民政局's 待签收 → 待回复 → 灵山镇's 待回交 with its
 * deadline; the head sees the office's 督办 and 差评; nobody sees another office's.
 */
describe('GET /api/todos', () => {
  let stack: TestStack;
  let sqs: SQSClient;
  const t: Record<string, string> = {};
  const json = (r: Response) => r.json() as Promise<any>;
  const post = (path: string, body: unknown, who: string, headers: Record<string, string> = {}) =>
    stack.fetch(path, { method: 'POST', json: body, token: t[who]!, headers });
  const todos = async (who: string) => {
    const r = await stack.fetch('/api/todos', { token: t[who]! });
    expect(r.status).toBe(200);
    return json(r);
  };

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    sqs = sqsOf();
    await addClerk('clerk.zilu3', '411521-zilu');
    for (const u of ['agent.demo', 'clerk.lingshan', 'clerk.mzj', 'head.lingshan', 'supervisor', 'clerk.zilu3']) t[u] = await stack.login(u);
  });
  afterAll(async () => {
    sqs.destroy();
    await stack.stop();
  });

  it('needs a session', async () => {
    expect((await stack.fetch('/api/todos')).status).toBe(401);
  });

  it('follows a commission missing materials through every office that must act, each with its deadline', async () => {
    const created = await post(
      '/api/commissions',
      { itemCode: DIBAO.code, applicant, materialsCollected: REQUIRED.slice(1), consent: { given: true, method: 'signed' } },
      'agent.demo',
      { 'idempotency-key': crypto.randomUUID() },
    );
    expect(created.status).toBe(201);
    const k = (await json(created)).commission;
    await pump(sqs, stack);

    let ls = await todos('clerk.lingshan');
    expect(ls.todos).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'sign_for', caseId: null, commissionId: k.id, number: k.number, due: k.takeInDueAt })]),
    );
    expect(ls.counts.sign_for).toBeGreaterThanOrEqual(1);
    expect((await todos('clerk.zilu3')).todos).toEqual([]);

    // 接收受理: the township finds the first required material missing → 待补正, the true outcome in the answer
    const taken = await post(`/api/commissions/${k.id}/take-in`, { expectedVersion: 2 }, 'clerk.lingshan');
    expect(taken.status).toBe(201);
    const c = (await json(taken)).case;
    expect(c).toMatchObject({ status: 'awaiting_supplement', missingMaterials: [REQUIRED[0]] });
    ls = await todos('clerk.lingshan');
    expect(ls.todos.find((x: any) => x.caseId === c.id)).toMatchObject({ kind: 'supplement', missing: [REQUIRED[0]], number: c.number });
    const agent = await todos('agent.demo');
    expect(agent.todos).toEqual([
      expect.objectContaining({ kind: 'supplement', caseId: c.id, commissionId: k.id, missing: [REQUIRED[0]], link: `/commissions/${k.id}` }),
    ]);
    expect(agent.counts).toMatchObject({ supplement: 1, total: 1 });
    // the agent's list says so too
    const mine = await json(await stack.fetch('/api/commissions', { token: t['agent.demo']! }));
    expect(mine.commissions.find((x: any) => x.id === k.id)).toMatchObject({ statusLabel: '乡镇待补正，请补交材料', missingMaterials: [REQUIRED[0]] });

    // 补交材料 from the phone: bad input is a 400 on its field, a resend changes nothing
    const bad = await post(`/api/commissions/${k.id}/supplement`, { expectedVersion: 1, materialsReceived: [] }, 'agent.demo');
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.fields[0].path).toBe('materialsReceived');
    expect((await post(`/api/commissions/${k.id}/supplement`, { expectedVersion: 1, materialsReceived: [REQUIRED[0]] }, 'clerk.lingshan')).status).toBe(403);
    const sup = await post(`/api/commissions/${k.id}/supplement`, { expectedVersion: 1, materialsReceived: [REQUIRED[0]] }, 'agent.demo');
    expect(sup.status).toBe(200);
    expect((await json(sup)).case).toMatchObject({ status: 'accepted', missingMaterials: [] });
    const again = await post(`/api/commissions/${k.id}/supplement`, { expectedVersion: 1, materialsReceived: [REQUIRED[0]] }, 'agent.demo');
    expect(await json(again)).toMatchObject({ replayed: true, case: { status: 'accepted', version: 2 } });
    expect((await todos('agent.demo')).todos).toEqual([]);

    // accepted at 灵山镇, decided by 县民政局: 待转报
    ls = await todos('clerk.lingshan');
    expect(ls.todos.find((x: any) => x.caseId === c.id)).toMatchObject({ kind: 'hand_back', label: '待转报' });
    expect(
      (await post(`/api/cases/${c.id}/forward`, { expectedVersion: 2, toOfficeId: '411521-mzj', reason: '低保由县民政局审批' }, 'clerk.lingshan')).status,
    ).toBe(202);
    await pump(sqs, stack);
    expect((await todos('clerk.mzj')).todos.find((x: any) => x.caseId === c.id)).toMatchObject({
      kind: 'sign_for',
      label: '待签收：转报件',
      detail: '来自灵山镇',
    });
    expect((await post(`/api/cases/${c.id}/receive`, { expectedVersion: 4 }, 'clerk.mzj')).status).toBe(200);
    expect((await post(`/api/cases/${c.id}/decide`, { expectedVersion: 5, result: 'approved' }, 'clerk.mzj')).status).toBe(200);
    expect((await todos('clerk.mzj')).todos.find((x: any) => x.caseId === c.id)).toMatchObject({ kind: 'hand_back', label: '待回复' });
    expect((await post(`/api/cases/${c.id}/return`, { expectedVersion: 6, note: '准予纳入低保' }, 'clerk.mzj')).status).toBe(202);
    await pump(sqs, stack);
    expect((await todos('clerk.mzj')).todos.find((x: any) => x.caseId === c.id)).toBeUndefined();

    // 灵山镇 owes the 回交, due at the end of a Beijing working day
    ls = await todos('clerk.lingshan');
    const hb = ls.todos.find((x: any) => x.caseId === c.id);
    expect(hb).toMatchObject({ kind: 'hand_back', label: '待回交', late: false, link: `/cases/${c.id}` });
    expect(new Date(hb.due).toISOString()).toBe(hb.due);
    expect(new Date(Date.parse(hb.due) + 8 * 3_600_000).toISOString().slice(11, 19)).toBe('23:59:59');
    expect((await todos('clerk.zilu3')).todos).toEqual([]);
  });

  it("gives the head the office's 督办 to answer and 差评 to call back, with counts", async () => {
    const c = await acceptCase(stack, t['clerk.lingshan']!);
    const order = await post('/api/supervision/orders', { caseId: c.id, requirement: '请说明办理进度', deadlineWorkdays: 2 }, 'supervisor');
    expect(order.status).toBe(201);
    const rated = await invoke('public-rating', { params: { number: c.number }, body: { phone4: '5678', level: 1, reason: '等候时间太长', channel: 'qr' } });
    expect(rated.status).toBe(201);
    const head = await todos('head.lingshan');
    expect(head.counts.order).toBeGreaterThanOrEqual(1);
    expect(head.counts.rectify).toBeGreaterThanOrEqual(1);
    expect(head.todos).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'order', caseId: c.id, label: '督办待反馈', detail: '请说明办理进度' }),
        expect.objectContaining({ kind: 'rectify', caseId: c.id, label: '差评待回访', link: `/ratings/tasks/${c.id}` }),
      ]),
    );
    const dues = head.todos.map((x: any) => x.due);
    expect(dues).toEqual([...dues].sort());
    // a clerk answers neither; another township sees nothing of it
    const clerk = await todos('clerk.lingshan');
    expect(clerk.counts).toMatchObject({ order: 0, rectify: 0 });
    expect((await todos('clerk.zilu3')).todos).toEqual([]);
  });
});
