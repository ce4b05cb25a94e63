import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { addClerk, pump, sqsOf } from './support.ts';

const DIBAO = demoItems().find((i) => i.name === '城乡最低生活保障对象认定')!;
const applicant = { type: 'person', name: '赵六', idNumber: '11010519491231002X', phone: '13912345678' };

/** 全程代办 through the real gateway and fauxqs: agent.demo → 灵山镇 → 县民政局 → 灵山镇 → the station → the applicant. */
describe('a commission from the village to delivery at the station', () => {
  let stack: TestStack;
  let sqs: SQSClient;
  const t: Record<string, string> = {};
  const json = (r: Response) => r.json() as Promise<any>;
  const post = (path: string, body: unknown, who: string, headers: Record<string, string> = {}) =>
    stack.fetch(path, { method: 'POST', json: body, token: t[who]!, headers });
  const get = (path: string, who: string) => stack.fetch(path, { token: t[who]! });
  const body = {
    itemCode: DIBAO.code,
    applicant,
    materialsCollected: DIBAO.materials.filter((m) => m.required).map((m) => m.name),
    consent: { given: true, method: 'fingerprint' },
  };

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    sqs = sqsOf();
    await addClerk('clerk.zilu2', '411521-zilu');
    for (const u of ['agent.demo', 'clerk.lingshan', 'clerk.mzj', 'clerk.zilu2']) t[u] = await stack.login(u);
  });
  afterAll(async () => {
    sqs.destroy();
    await stack.stop();
  });

  it('refuses a bad application with the field paths, as intake does', async () => {
    const badId = await post('/api/commissions', { ...body, applicant: { ...applicant, idNumber: '110105194912310021' } }, 'agent.demo');
    expect(badId.status).toBe(400);
    expect((await json(badId)).error.fields[0].path).toBe('applicant.idNumber');
    const noConsent = await post('/api/commissions', { ...body, consent: { given: false, method: 'signed' } }, 'agent.demo');
    expect(noConsent.status).toBe(400);
    expect((await json(noConsent)).error.fields[0]).toMatchObject({ path: 'consent.given', message: expect.stringContaining('同意') });
    // a township clerk is no village agent
    expect((await post('/api/commissions', body, 'clerk.lingshan')).status).toBe(403);
  });

  it('goes the whole way; 子路镇 gets 404 on the case at every stage', async () => {
    const key = crypto.randomUUID();
    const created = await post('/api/commissions', body, 'agent.demo', { 'idempotency-key': key });
    expect(created.status).toBe(201);
    const k = (await json(created)).commission;
    expect(k).toMatchObject({ number: expect.stringMatching(/^DB-411521-\d{8}-\d{4}$/), status: 'submitted', statusLabel: '已委托，待乡镇接收' });
    expect(JSON.stringify(k)).not.toMatch(/11010519491231002X|13912345678/);
    // a resend on a weak link: the same commission
    const again = await post('/api/commissions', body, 'agent.demo', { 'idempotency-key': key });
    expect(again.status).toBe(200);
    expect((await json(again)).commission.id).toBe(k.id);
    await pump(sqs, stack, { times: 3 });

    const inbox = await json(await get('/api/inbox?kind=commission', 'clerk.lingshan'));
    expect(inbox.entries).toEqual([expect.objectContaining({ commissionId: k.id, fromOfficeName: '示例村一（演示）', applicantName: '赵*' })]);
    expect((await json(await get('/api/inbox/counts', 'clerk.lingshan'))).counts.commission).toBe(1);
    const seen = await json(await get(`/api/commissions/${k.id}`, 'clerk.lingshan'));
    expect((await get(`/api/commissions/${k.id}`, 'clerk.zilu2')).status).toBe(404);
    const taken = await post(`/api/commissions/${k.id}/take-in`, { expectedVersion: seen.commission.version }, 'clerk.lingshan');
    expect(taken.status).toBe(201);
    const c = (await json(taken)).case;
    expect(c).toMatchObject({ status: 'accepted', routedTo: '411521-mzj', commission: { id: k.id } });
    const zilu404 = async () => expect((await get(`/api/cases/${c.id}`, 'clerk.zilu2')).status).toBe(404);
    await zilu404();

    expect(
      (await post(`/api/cases/${c.id}/forward`, { expectedVersion: 1, toOfficeId: '411521-mzj', reason: '低保由县民政局审批' }, 'clerk.lingshan')).status,
    ).toBe(202);
    await pump(sqs, stack, { times: 3 });
    await zilu404();
    expect((await post(`/api/cases/${c.id}/receive`, { expectedVersion: 3 }, 'clerk.mzj')).status).toBe(200);
    expect((await post(`/api/cases/${c.id}/decide`, { expectedVersion: 4, result: 'approved' }, 'clerk.mzj')).status).toBe(200);
    expect((await post(`/api/cases/${c.id}/return`, { expectedVersion: 5, note: '准予纳入低保' }, 'clerk.mzj')).status).toBe(202);
    await pump(sqs, stack, { times: 3 });
    await zilu404();
    const hb = await post(`/api/cases/${c.id}/hand-back`, { expectedVersion: 7, note: '低保证已办好，请转交' }, 'clerk.lingshan');
    expect(hb.status).toBe(202);
    await pump(sqs, stack, { times: 3 });
    await zilu404();

    const waiting = await json(await get('/api/inbox?kind=handback', 'agent.demo'));
    expect(waiting.entries).toEqual([expect.objectContaining({ caseId: c.id, commissionId: k.id })]);
    const mine = await json(await get('/api/commissions', 'agent.demo'));
    const row = mine.commissions.find((x: any) => x.id === k.id);
    expect(row).toMatchObject({ status: 'returned', caseNumber: c.number });
    const delivered = await post(`/api/commissions/${k.id}/deliver`, { expectedVersion: row.version, signedBy: '赵六' }, 'agent.demo');
    expect(delivered.status).toBe(200);
    expect((await json(delivered)).commission.status).toBe('delivered');
    const end = await json(await get(`/api/cases/${c.id}`, 'clerk.lingshan'));
    expect(end.case).toMatchObject({ status: 'delivered', delivery: { method: 'agent', signedBy: '赵六' } });
    expect(end.events.map((e: any) => e.type)).toEqual(['accepted', 'forwarded', 'received', 'approved', 'returned', 'handed_back', 'delivered']);
    await zilu404();
  });
});
