import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { addClerk, pump, sqsOf } from './support.ts';

const DIBAO = demoItems().find((i) => i.name === '城乡最低生活保障对象认定')!;
const RELIEF = demoItems().find((i) => i.name === '临时救助')!;
const person = { type: 'person', name: '钱七', idNumber: '11010519491231002X', phone: '13812345678' };
const required = (item: typeof DIBAO) => item.materials.filter((m) => m.required).map((m) => m.name);

/** 交办 of a task and 联办 with two offices, through the real gateway, handlers and fauxqs. */
describe('交办 and 联办 over the delegation queue', () => {
  let stack: TestStack;
  let sqs: SQSClient;
  const t: Record<string, string> = {};
  const json = (r: Response) => r.json() as Promise<any>;
  const post = (path: string, body: unknown, who: string) => stack.fetch(path, { method: 'POST', json: body, token: t[who]! });
  const get = (path: string, who: string) => stack.fetch(path, { token: t[who]! });
  const version = async (id: string, who: string) => (await json(await get(`/api/cases/${id}`, who))).case.version as number;
  const take = async (item: typeof DIBAO) =>
    (
      await json(
        await stack.fetch('/api/cases', {
          method: 'POST',
          json: { itemCode: item.code, applicant: person, materialsReceived: required(item) },
          token: t['clerk.lingshan']!,
          headers: { 'idempotency-key': crypto.randomUUID() },
        }),
      )
    ).case;

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    sqs = sqsOf();
    await addClerk('clerk.rsj', '411521-rsj');
    await addClerk('clerk.zilu3', '411521-zilu');
    for (const u of ['clerk.lingshan', 'clerk.mzj', 'clerk.rsj', 'clerk.zilu3']) t[u] = await stack.login(u);
  });
  afterAll(async () => {
    sqs.destroy();
    await stack.stop();
  });

  it('交办: 县民政局 asks 灵山镇 for an on-site verification, the township signs and answers, the department goes on', async () => {
    const c = await take(DIBAO);
    expect((await post(`/api/cases/${c.id}/forward`, { expectedVersion: 1, toOfficeId: '411521-mzj', reason: '转报' }, 'clerk.lingshan')).status).toBe(202);
    await pump(sqs, stack);
    expect((await post(`/api/cases/${c.id}/receive`, { expectedVersion: 3 }, 'clerk.mzj')).status).toBe(200);
    const assigned = await post(
      `/api/cases/${c.id}/tasks`,
      { expectedVersion: 4, toOfficeId: '411521-lingshan', kind: 'verify', title: '入户核查家庭收入和财产', days: 3 },
      'clerk.mzj',
    );
    expect(assigned.status).toBe(202);
    const { taskId } = await json(assigned);
    await pump(sqs, stack, { times: 3 });
    const inbox = await json(await get('/api/inbox?kind=task', 'clerk.lingshan'));
    expect(inbox.entries).toEqual([expect.objectContaining({ caseId: c.id, taskId, fromOfficeName: '县民政局' })]);
    expect((await json(await get('/api/inbox/counts', 'clerk.lingshan'))).counts.task).toBe(1);
    expect((await get(`/api/cases/${c.id}`, 'clerk.zilu3')).status).toBe(404);
    expect((await post(`/api/cases/${c.id}/tasks/${taskId}/receive`, { expectedVersion: 6 }, 'clerk.zilu3')).status).toBe(404);
    expect((await post(`/api/cases/${c.id}/tasks/${taskId}/receive`, { expectedVersion: 6 }, 'clerk.lingshan')).status).toBe(200);
    const noResult = await post(`/api/cases/${c.id}/tasks/${taskId}/answer`, { expectedVersion: 7, attachments: [] }, 'clerk.lingshan');
    expect(noResult.status).toBe(400);
    expect((await json(noResult)).error.fields[0].path).toBe('result');
    const answered = await post(
      `/api/cases/${c.id}/tasks/${taskId}/answer`,
      { expectedVersion: 7, result: '经入户核查，符合条件', attachments: [{ name: '入户调查表', description: '两名工作人员签字' }] },
      'clerk.lingshan',
    );
    expect(answered.status).toBe(202);
    await pump(sqs, stack, { times: 3 });
    const d = await json(await get(`/api/cases/${c.id}`, 'clerk.mzj'));
    expect(d.case.tasks).toEqual([expect.objectContaining({ phase: 'answered', answer: expect.objectContaining({ result: '经入户核查，符合条件' }) })]);
    expect(d.case.version).toBe(9);
    expect((await post(`/api/cases/${c.id}/decide`, { expectedVersion: 9, result: 'approved' }, 'clerk.mzj')).status).toBe(200);
  });

  it('联办: 灵山镇 leads, 县民政局 and 县人社局 answer their parts; closed only when both have', async () => {
    const c = await take(RELIEF);
    for (const [to, v] of [
      ['411521-mzj', 1],
      ['411521-rsj', 2],
    ] as const)
      expect(
        (await post(`/api/cases/${c.id}/tasks`, { expectedVersion: v, toOfficeId: to, kind: 'joint', title: '联办意见', days: 2 }, 'clerk.lingshan')).status,
      ).toBe(202);
    await pump(sqs, stack, { times: 3, expect: 2 });
    for (const who of ['clerk.mzj', 'clerk.rsj']) {
      const [entry] = (await json(await get('/api/inbox?kind=task', who))).entries;
      expect(entry).toMatchObject({ caseId: c.id, fromOfficeName: '灵山镇' });
      expect((await post(`/api/cases/${c.id}/tasks/${entry.taskId}/receive`, { expectedVersion: await version(c.id, who) }, who)).status).toBe(200);
      expect(
        (await post(`/api/cases/${c.id}/tasks/${entry.taskId}/answer`, { expectedVersion: await version(c.id, who), result: '同意救助' }, who)).status,
      ).toBe(202);
      await pump(sqs, stack);
      if (who === 'clerk.mzj') {
        const early = await post(`/api/cases/${c.id}/decide`, { expectedVersion: await version(c.id, 'clerk.lingshan'), result: 'approved' }, 'clerk.lingshan');
        expect(early.status).toBe(422);
        expect((await json(early)).error.code).toBe('JOINT_PARTS_OPEN');
      }
    }
    expect(
      (await post(`/api/cases/${c.id}/decide`, { expectedVersion: await version(c.id, 'clerk.lingshan'), result: 'approved' }, 'clerk.lingshan')).status,
    ).toBe(200);
    const end = await json(await get(`/api/cases/${c.id}`, 'clerk.lingshan'));
    expect(end.case.tasks.map((k: any) => k.phase)).toEqual(['answered', 'answered']);
    expect(end.events.filter((e: any) => e.type === 'task_answered')).toHaveLength(2);
    expect((await get(`/api/cases/${c.id}`, 'clerk.zilu3')).status).toBe(404);
  });
});
