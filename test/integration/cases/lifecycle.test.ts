import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { dynamo } from '../../../shared/aws/clients.ts';
import { caseKeys } from '../../../shared/db/keys.ts';
import { intake } from '../../../shared/cases/intake.ts';
import { lifecycle } from '../../../shared/cases/lifecycle.ts';
import { casePorts } from '../../../shared/app/wiring.ts';
import type { Principal } from '../../../shared/identity/principal.ts';

const code = (name: string) => demoItems().find((i) => i.name === name)!.code;
const ID_CARD = code('居民身份证核发');
const HOMESTEAD = code('农村村民住宅用地审核');
const person = { type: 'person', name: '张三丰', idNumber: '11010519491231002X', phone: '13812345678' };

describe('case lifecycle (受理 → 承办 → 办结 → 送达)', () => {
  let stack: TestStack;
  let clerk: string;
  const json = (r: Response) => r.json() as Promise<any>;
  const post = (path: string, body: unknown, token = clerk, headers: Record<string, string> = {}) =>
    stack.fetch(path, { method: 'POST', json: body, token, headers });
  const intakeReq = (body: unknown, key = crypto.randomUUID(), token = clerk) => post('/api/cases', body, token, { 'idempotency-key': key });
  const countCases = async () => {
    const r = await dynamo().send(
      new QueryCommand({
        TableName: stack.env.TABLE_CASES,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :p',
        ExpressionAttributeValues: { ':p': 'OFFICE#411521-lingshan#accepted' },
        Select: 'COUNT',
      }),
    );
    return r.Count ?? 0;
  };

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    clerk = await stack.login('clerk.lingshan');
  });
  afterAll(() => stack.stop());

  it('accepts a complete application: number, due date, masked applicant', async () => {
    const res = await intakeReq({ itemCode: ID_CARD, applicant: person, materialsReceived: ['居民户口簿', '近期免冠照片'] });
    expect(res.status).toBe(201);
    const { case: c } = await json(res);
    expect(c.status).toBe('accepted');
    expect(c.number).toMatch(/^411521-\d{8}-\d{4}$/);
    expect(c.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(c.applicant.idMasked).toBe('1101**********002X');
    expect(JSON.stringify(c)).not.toContain('11010519491231002X');
    expect(JSON.stringify(c)).not.toContain('13812345678');
  });

  it('names every missing material in one notice, and a supplement makes it accepted that day', async () => {
    const res = await intakeReq({ itemCode: ID_CARD, applicant: person, materialsReceived: [] });
    const { case: c } = await json(res);
    expect(c.status).toBe('awaiting_supplement');
    expect(c.missingMaterials).toEqual(['居民户口簿', '近期免冠照片']);
    expect(c.dueDate).toBeUndefined();
    const sup = await post(`/api/cases/${c.id}/supplement`, { expectedVersion: 1, materialsReceived: ['居民户口簿', '近期免冠照片'] });
    expect(sup.status).toBe(200);
    const after = (await json(sup)).case;
    expect(after).toMatchObject({ status: 'accepted', missingMaterials: [], version: 2 });
    expect(after.acceptedAt.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
  });

  it('refuses at intake in writing, saying where to go', async () => {
    const res = await intakeReq({ itemCode: ID_CARD, applicant: person, materialsReceived: [], notAccepted: { reason: '申请人户籍不在本县' } });
    const { case: c } = await json(res);
    expect(c.status).toBe('not_accepted');
    expect(c.notAccepted.reason).toBe('申请人户籍不在本县');
    expect(c.notAccepted.referTo).toContain('咨询电话');
  });

  it('goes the whole way to delivery; a stale version gets 409; fees follow the item', async () => {
    const { case: c } = await json(await intakeReq({ itemCode: ID_CARD, applicant: person, materialsReceived: ['居民户口簿', '近期免冠照片'] }));
    const step = async (action: string, body: object, v: number) => {
      const r = await post(`/api/cases/${c.id}/${action}`, { expectedVersion: v, ...body });
      expect(r.status, `${action}: ${JSON.stringify(await r.clone().json())}`).toBe(200);
      return (await json(r)).case;
    };
    await step('start', {}, 1);
    // a second clerk acting on the version they saw before: 409
    const stale = await post(`/api/cases/${c.id}/decide`, { expectedVersion: 1, result: 'approved' });
    expect(stale.status).toBe(409);
    expect((await json(stale)).error.message).toContain('已被他人更新');
    await step('fees', { amount: 20, receiptNo: 'PJ-0001' }, 2);
    const decided = await step('decide', { result: 'approved' }, 3);
    expect(decided.decision).toMatchObject({ result: 'approved', onTime: true });
    const delivered = await step('deliver', { method: 'pickup', signedBy: '张三丰' }, 4);
    expect(delivered.status).toBe('delivered');
    const detail = await json(await stack.fetch(`/api/cases/${c.id}`, { token: clerk }));
    expect(detail.events.map((e: any) => e.type)).toEqual(['accepted', 'started', 'fees', 'approved', 'delivered']);
    const audit = await dynamo().send(
      new QueryCommand({
        TableName: stack.env.TABLE_AUDIT,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :p',
        ExpressionAttributeValues: { ':p': `TARGET#case#${c.id}` },
      }),
    );
    expect((audit.Items ?? []).map((a) => a.action).sort()).toEqual(['case.decide', 'case.deliver', 'case.fees', 'case.intake.accepted', 'case.start']);
    // the delivered case left the open-by-due index
    const item = await dynamo().send(new GetCommand({ TableName: stack.env.TABLE_CASES, Key: caseKeys.case(c.id) }));
    expect(item.Item?.gsi3pk).toBeUndefined();
  });

  it('refuses fees on a 不收费 item with 422 naming the field', async () => {
    const { case: c } = await json(
      await intakeReq({
        itemCode: HOMESTEAD,
        applicant: person,
        materialsReceived: demoItems()
          .find((i) => i.code === HOMESTEAD)!
          .materials.filter((m) => m.required)
          .map((m) => m.name),
      }),
    );
    const r = await post(`/api/cases/${c.id}/fees`, { expectedVersion: 1, amount: 10, receiptNo: 'X' });
    expect(r.status).toBe(422);
    expect((await json(r)).error.fields[0].path).toBe('amount');
  });

  it('answers 400 with the field path and writes nothing for a bad ID, an unknown item or a missing field', async () => {
    const before = await countCases();
    const badId = await intakeReq({ itemCode: ID_CARD, applicant: { ...person, idNumber: '110105194912310021' }, materialsReceived: [] });
    expect(badId.status).toBe(400);
    expect((await json(badId)).error.fields[0]).toMatchObject({ path: 'applicant.idNumber', message: expect.stringContaining('校验码') });
    const unknown = await intakeReq({ itemCode: 'NO-SUCH-ITEM', applicant: person, materialsReceived: [] });
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).error.fields[0].path).toBe('itemCode');
    const missing = await intakeReq({ itemCode: ID_CARD, applicant: { type: 'person', name: '李四', phone: '13912345678' } });
    expect(missing.status).toBe(400);
    expect((await json(missing)).error.fields[0].path).toBe('applicant.idNumber');
    const noKey = await post('/api/cases', { itemCode: ID_CARD, applicant: person });
    expect(noKey.status).toBe(400);
    expect(await countCases()).toBe(before);
  });

  it('another township guessing the id gets 404; a supervisor reads but cannot act', async () => {
    const { case: c } = await json(await intakeReq({ itemCode: ID_CARD, applicant: person, materialsReceived: ['居民户口簿', '近期免冠照片'] }));
    const county = await stack.login('clerk.county');
    expect((await stack.fetch(`/api/cases/${c.id}`, { token: county })).status).toBe(404);
    expect((await post(`/api/cases/${c.id}/start`, { expectedVersion: 1 }, county)).status).toBe(404);
    const supervisor = await stack.login('supervisor');
    expect((await stack.fetch(`/api/cases/${c.id}`, { token: supervisor })).status).toBe(200);
    expect((await post(`/api/cases/${c.id}/start`, { expectedVersion: 1 }, supervisor)).status).toBe(403);
  });

  it('shows the full ID only on an audited view; the public status needs the last four phone digits', async () => {
    const { case: c } = await json(await intakeReq({ itemCode: ID_CARD, applicant: person, materialsReceived: ['居民户口簿', '近期免冠照片'] }));
    const view = await json(await post(`/api/cases/${c.id}/view-id`, {}));
    expect(view.idNumber).toBe('11010519491231002X');
    const audit = await dynamo().send(
      new QueryCommand({
        TableName: stack.env.TABLE_AUDIT,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :p',
        ExpressionAttributeValues: { ':p': `TARGET#case#${c.id}` },
      }),
    );
    expect((audit.Items ?? []).some((a) => a.action === 'case.view-id')).toBe(true);
    const ok = await stack.fetch(`/api/public/cases/${c.number}?phone4=5678`);
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject({ number: c.number, statusLabel: '已受理', applicantName: '张*丰' });
    const wrong = await stack.fetch(`/api/public/cases/${c.number}?phone4=0000`);
    const unknown = await stack.fetch(`/api/public/cases/411521-20000101-9999?phone4=5678`);
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    const strip = (b: any) => ({ ...b.error, correlationId: undefined });
    expect(strip(await json(wrong))).toEqual(strip(await json(unknown)));
  });

  it('50 concurrent intakes with one Idempotency-Key create one case', async () => {
    const key = crypto.randomUUID();
    const body = { itemCode: ID_CARD, applicant: person, materialsReceived: ['居民户口簿', '近期免冠照片'] };
    const results = await Promise.all(Array.from({ length: 50 }, () => intakeReq(body, key).then(json)));
    const ids = new Set(results.map((r) => r.case?.id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toBeDefined();
  });

  it('200 concurrent intakes with different keys create 200 cases with distinct numbers', async () => {
    const body = { itemCode: ID_CARD, applicant: person, materialsReceived: ['居民户口簿', '近期免冠照片'] };
    const results = await Promise.all(Array.from({ length: 200 }, () => intakeReq(body).then(async (r) => ({ status: r.status, body: await json(r) }))));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => r.body.case.number)).size).toBe(200);
  });
});

describe('suspension moves the due date (fixed clock, use cases on DynamoDB Local)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
  });
  afterAll(() => stack.stop());

  it('suspend on a Wednesday, resume the next Monday: three working days added', async () => {
    const p: Principal = {
      userId: 'u',
      username: 'clerk.lingshan',
      displayName: '演示',
      officeId: '411521-lingshan',
      roles: ['window_clerk'],
      scopes: ['session', 'case.accept', 'case.handle'],
      sessionId: 's',
    };
    const meta = { sourceIp: '127.0.0.1', userAgent: 'test' };
    let now = new Date('2026-11-02T02:00:00Z'); // Monday 10:00 Beijing
    const ports = { ...casePorts(), clock: () => now };
    const item = demoItems().find((i) => i.code === HOMESTEAD)!;
    const { case: c } = await intake(
      ports,
      p,
      {
        itemCode: HOMESTEAD,
        applicant: person as never,
        materialsReceived: item.materials.filter((m) => m.required).map((m) => m.name),
        idempotencyKey: crypto.randomUUID(),
      },
      meta,
    );
    expect(c.dueDate).toBe('2026-11-16'); // 10 working days
    now = new Date('2026-11-04T02:00:00Z'); // Wednesday
    const s = await lifecycle.suspend(ports, p, { id: c.id, expectedVersion: 1, procedure: '现场勘查', expectedDays: 5, notice: '需现场勘查宅基地' }, meta);
    expect(s.status).toBe('suspended');
    now = new Date('2026-11-09T02:00:00Z'); // next Monday
    const r = await lifecycle.resume(ports, p, { id: c.id, expectedVersion: 2 }, meta);
    expect(r.dueDate).toBe('2026-11-19'); // + Wed, Thu, Fri
    const over = lifecycle.suspend(ports, p, { id: c.id, expectedVersion: 3, procedure: '现场勘查', expectedDays: 9, notice: '再次勘查' }, meta);
    await expect(over).rejects.toMatchObject({ code: 'PROCEDURE_TOO_LONG' });
  });
});
