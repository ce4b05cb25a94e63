import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { dynamo } from '../../../shared/aws/clients.ts';
import { addClerk, pump, sqsOf } from './support.ts';

const DIBAO = demoItems().find((i) => i.name === '城乡最低生活保障对象认定')!;
const person = { type: 'person', name: '李四光', idNumber: '11010519491231002X', phone: '13812345678' };
const MZJ = '411521-mzj';
const LINGSHAN = '411521-lingshan';

/** 转报 through the real gateway, handlers, DynamoDB Local and fauxqs: 灵山镇 → 县民政局 → 回复 → 送达. */
describe('转报 township → 县民政局 → reply → delivered, over the delegation queue', () => {
  let stack: TestStack;
  let sqs: SQSClient;
  const tokens: Record<string, string> = {};
  const json = (r: Response) => r.json() as Promise<any>;
  const post = (path: string, body: unknown, who: string) => stack.fetch(path, { method: 'POST', json: body, token: tokens[who]! });
  const get = (path: string, who: string) => stack.fetch(path, { token: tokens[who]! });
  const detail = async (id: string, who = 'clerk.lingshan') => json(await get(`/api/cases/${id}`, who));

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    sqs = sqsOf();
    await addClerk('clerk.zilu', '411521-zilu');
    for (const u of ['clerk.lingshan', 'clerk.mzj', 'clerk.zilu', 'supervisor']) tokens[u] = await stack.login(u);
  });
  afterAll(async () => {
    sqs.destroy();
    await stack.stop();
  });

  it('the demo routes 低保: taken in at townships, decided by 县民政局; not at the county center', async () => {
    const guide = await json(await stack.fetch(`/api/items/${DIBAO.code}`));
    expect(guide.item).toMatchObject({ intakeAt: ['village', 'township'], decider: { by: 'office', officeId: MZJ } });
    const atCenter = await stack.fetch('/api/cases', {
      method: 'POST',
      json: { itemCode: DIBAO.code, applicant: person, materialsReceived: [] },
      token: await stack.login('clerk.county'),
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    expect(atCenter.status).toBe(400);
    expect((await json(atCenter)).error.fields[0].path).toBe('itemCode');
  });

  it('goes the whole way; every message delivered 3× changes the case once; 子路镇 gets 404 at every stage', async () => {
    const materials = DIBAO.materials.filter((m) => m.required).map((m) => m.name);
    const created = await stack.fetch('/api/cases', {
      method: 'POST',
      json: { itemCode: DIBAO.code, applicant: person, materialsReceived: materials },
      token: tokens['clerk.lingshan']!,
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    expect(created.status).toBe(201);
    const c = (await json(created)).case;
    expect(c).toMatchObject({ officeId: LINGSHAN, handlingOfficeId: LINGSHAN, routedTo: MZJ, status: 'accepted' });
    const zilu404 = async () => expect((await get(`/api/cases/${c.id}`, 'clerk.zilu')).status).toBe(404);
    await zilu404();

    const fwd = await post(`/api/cases/${c.id}/forward`, { expectedVersion: 1, toOfficeId: MZJ, reason: '低保由县民政局审批' }, 'clerk.lingshan');
    expect(fwd.status).toBe(202);
    const { forwardId } = await json(fwd);
    expect(forwardId).toMatch(/^[0-9a-f-]{36}$/);
    await zilu404();
    // not in the inbox until the message lands
    expect((await json(await get('/api/cases?view=inbox', 'clerk.mzj'))).cases).toEqual([]);
    const [m] = await pump(sqs, stack, { times: 3 });
    expect(m!.body).toMatchObject({ type: 'forward', hopId: forwardId, caseId: c.id, fromOfficeId: LINGSHAN, toOfficeId: MZJ });
    const inbox = await json(await get('/api/cases?view=inbox', 'clerk.mzj'));
    expect(inbox.cases).toEqual([expect.objectContaining({ caseId: c.id, number: c.number, fromOfficeName: '灵山镇', applicantName: '李*光' })]);
    expect(JSON.stringify(inbox)).not.toContain('李四光');
    expect((await json(await get('/api/inbox/counts', 'clerk.mzj'))).counts.case).toBe(1);
    expect((await json(await get('/api/cases?view=inbox', 'clerk.zilu'))).cases).toEqual([]);
    await zilu404();

    const d1 = await detail(c.id, 'clerk.mzj');
    expect(d1.case.version).toBe(3); // forward + landing, once despite three deliveries
    expect(d1.events.filter((e: any) => e.type === 'forwarded')).toHaveLength(1);
    // the sender by name, carried in the message to the receiver's timeline
    expect(d1.events.find((e: any) => e.type === 'forwarded')).toMatchObject({ by: 'clerk.lingshan', byName: '演示灵山窗口' });
    const rec = await post(`/api/cases/${c.id}/receive`, { expectedVersion: 3 }, 'clerk.mzj');
    expect(rec.status).toBe(200);
    expect((await json(rec)).case).toMatchObject({ handlingOfficeId: MZJ, officeId: LINGSHAN });
    expect((await json(await get('/api/cases?view=inbox', 'clerk.mzj'))).cases).toEqual([]);
    expect((await json(await get('/api/cases?view=accepted', 'clerk.mzj'))).cases.map((x: any) => x.id)).toContain(c.id);
    // the accepting township reads it but no longer acts on it
    expect((await post(`/api/cases/${c.id}/start`, { expectedVersion: 4 }, 'clerk.lingshan')).status).toBe(404);
    await zilu404();

    expect((await post(`/api/cases/${c.id}/start`, { expectedVersion: 4 }, 'clerk.mzj')).status).toBe(200);
    expect((await post(`/api/cases/${c.id}/decide`, { expectedVersion: 5, result: 'approved' }, 'clerk.mzj')).status).toBe(200);
    const ret = await post(`/api/cases/${c.id}/return`, { expectedVersion: 6, note: '经审核符合条件，准予纳入低保' }, 'clerk.mzj');
    expect(ret.status).toBe(202);
    await zilu404();
    await pump(sqs, stack, { times: 3 });
    const back = await detail(c.id);
    expect(back.case).toMatchObject({ status: 'decided', handlingOfficeId: LINGSHAN, version: 8, transfer: { phase: 'returned' } });
    const del = await post(`/api/cases/${c.id}/deliver`, { expectedVersion: 8, method: 'pickup', signedBy: '李四光' }, 'clerk.lingshan');
    expect(del.status).toBe(200);
    await zilu404();

    const end = await detail(c.id);
    expect(end.events.map((e: any) => e.type)).toEqual(['accepted', 'forwarded', 'received', 'started', 'approved', 'returned', 'delivered']);
    for (const e of end.events.filter((x: any) => ['forwarded', 'received', 'returned'].includes(x.type)))
      expect([e.fromOfficeId, e.toOfficeId].sort()).toEqual([LINGSHAN, MZJ]);
    expect(end.officeNames).toMatchObject({ [LINGSHAN]: '灵山镇', [MZJ]: '县民政局' });
    // the department still reads what it decided; the supervisor reads everything
    expect((await get(`/api/cases/${c.id}`, 'clerk.mzj')).status).toBe(200);
    expect((await get(`/api/cases/${c.id}`, 'supervisor')).status).toBe(200);
    const audit = await dynamo().send(
      new QueryCommand({
        TableName: stack.env.TABLE_AUDIT,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :p',
        ExpressionAttributeValues: { ':p': `TARGET#case#${c.id}` },
      }),
    );
    expect((audit.Items ?? []).map((a) => a.action).sort()).toEqual([
      'case.decide',
      'case.deliver',
      'case.forward',
      'case.intake.accepted',
      'case.receive',
      'case.return',
      'case.start',
    ]);
  });

  it('finds a case by number, ID number, phone or name (keyed hashes), only where the caller may see it', async () => {
    const materials = DIBAO.materials.filter((m) => m.required).map((m) => m.name);
    const who = { type: 'person', name: '周九', idNumber: '11010519491231002X', phone: '13600001111' };
    const c = (
      await json(
        await stack.fetch('/api/cases', {
          method: 'POST',
          json: { itemCode: DIBAO.code, applicant: who, materialsReceived: materials },
          token: tokens['clerk.lingshan']!,
          headers: { 'idempotency-key': crypto.randomUUID() },
        }),
      )
    ).case;
    const find = async (q: string, whoAsks = 'clerk.lingshan') =>
      (await json(await get(`/api/cases?q=${encodeURIComponent(q)}`, whoAsks))).cases.map((x: any) => x.id);
    for (const q of [c.number, '周九', '13600001111', '11010519491231002x']) expect(await find(q), q).toContain(c.id);
    expect(await find('周九', 'clerk.zilu')).toEqual([]);
    const answer = await (await get(`/api/cases?q=${encodeURIComponent('13600001111')}`, 'clerk.lingshan')).text();
    expect(answer).not.toMatch(/13600001111|周九|11010519491231002X/);
  });

  it('answers 400 with field paths for a bad forward and writes nothing', async () => {
    const materials = DIBAO.materials.filter((m) => m.required).map((m) => m.name);
    const c = (
      await json(
        await stack.fetch('/api/cases', {
          method: 'POST',
          json: { itemCode: DIBAO.code, applicant: person, materialsReceived: materials },
          token: tokens['clerk.lingshan']!,
          headers: { 'idempotency-key': crypto.randomUUID() },
        }),
      )
    ).case;
    const noReason = await post(`/api/cases/${c.id}/forward`, { expectedVersion: 1, toOfficeId: MZJ }, 'clerk.lingshan');
    expect(noReason.status).toBe(400);
    expect((await json(noReason)).error.fields[0].path).toBe('reason');
    const nowhere = await post(`/api/cases/${c.id}/forward`, { expectedVersion: 1, toOfficeId: '411521-nowhere', reason: '转报' }, 'clerk.lingshan');
    expect(nowhere.status).toBe(400);
    expect((await json(nowhere)).error.fields[0].path).toBe('toOfficeId');
    expect((await post(`/api/cases/${c.id}/receive`, { expectedVersion: 1 }, 'clerk.mzj')).status).toBe(404);
    expect((await detail(c.id)).case.version).toBe(1);
  });
});
