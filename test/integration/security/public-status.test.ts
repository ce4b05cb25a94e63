import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';

/** 等保 review findings on the case paths, each shown through HTTP on the local platform. */
const ID_CARD = demoItems().find((i) => i.name === '居民身份证核发')!.code;
const person = { type: 'person', name: '张三丰', idNumber: '11010519491231002X', phone: '13812345678' };

describe('public status and case inputs under attack', () => {
  let stack: TestStack;
  let clerk: string;
  let countyClerk: string;
  const json = (r: Response) => r.json() as Promise<any>;
  const intake = (body: unknown, key: string, token = clerk) =>
    stack.fetch('/api/cases', { method: 'POST', json: body, token, headers: { 'idempotency-key': key } });

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    clerk = await stack.login('clerk.lingshan');
    countyClerk = await stack.login('clerk.county');
  });
  afterAll(() => stack.stop());

  it('after 10 wrong phone4 for one number, the right phone4 gets the same 404 while the QR code still opens the status', async () => {
    const { case: c } = await json(
      await intake({ itemCode: ID_CARD, applicant: person, materialsReceived: ['居民户口簿', '近期免冠照片'] }, crypto.randomUUID()),
    );
    expect(c.queryCode).toMatch(/^[0-9A-Z]{10}$/);
    const byPhone = (p4: string) => stack.fetch(`/api/public/cases/${c.number}?phone4=${p4}`);
    expect((await byPhone('5678')).status).toBe(200);
    const wrong = await Promise.all(Array.from({ length: 12 }, (_, i) => byPhone(String(1000 + i))));
    expect(wrong.map((r) => r.status)).toEqual(Array(12).fill(404));
    const right = await byPhone('5678');
    expect(right.status).toBe(404);
    const miss = await byPhone('0001');
    expect(await json(right)).toMatchObject({ error: { code: (await json(miss)).error.code, message: '未找到该办件，请核对受理编号和手机号后四位' } });
    const byCode = await stack.fetch(`/api/public/cases/${c.number}?code=${c.queryCode}`);
    expect(byCode.status).toBe(200);
    expect(await json(byCode)).toMatchObject({ number: c.number, status: 'accepted' });
    expect((await stack.fetch(`/api/public/cases/${c.number}?code=0000000000`)).status).toBe(404);
  });

  it('idempotency keys belong to the office: another office reusing a key gets its own case, not ours', async () => {
    const key = `shared-key-${crypto.randomUUID()}`;
    const body = { itemCode: ID_CARD, applicant: person, materialsReceived: ['居民户口簿', '近期免冠照片'] };
    const ours = await intake(body, key);
    expect(ours.status).toBe(201);
    const theirs = await intake(body, key, countyClerk);
    expect(theirs.status).toBe(201);
    const [a, b] = [(await json(ours)).case, (await json(theirs)).case];
    expect(b.id).not.toBe(a.id);
    expect(b.officeId).not.toBe(a.officeId);
  });

  it('refuses oversized free text with a 400 naming the field, and a supplement of materials the item does not list', async () => {
    const { case: c } = await json(await intake({ itemCode: ID_CARD, applicant: person, materialsReceived: [] }, crypto.randomUUID()));
    const big = await stack.fetch(`/api/cases/${c.id}/withdraw`, { method: 'POST', token: clerk, json: { expectedVersion: 1, reason: '理由'.repeat(400) } });
    expect(big.status).toBe(400);
    expect((await json(big)).error.fields[0].path).toBe('reason');
    const foreign = await stack.fetch(`/api/cases/${c.id}/supplement`, {
      method: 'POST',
      token: clerk,
      json: { expectedVersion: 1, materialsReceived: ['居民户口簿', '不相干的材料'] },
    });
    expect(foreign.status).toBe(400);
    expect((await json(foreign)).error.fields).toEqual([{ path: 'materialsReceived.1', message: '“不相干的材料”不是该事项的申请材料' }]);
    const after = await json(await stack.fetch(`/api/cases/${c.id}`, { token: clerk }));
    expect(after.case.version).toBe(1);
  });
});
