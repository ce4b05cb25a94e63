import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { bjDateLong, bjDateTime } from '../../../shared/platform/beijing-time.ts';
import { pdfText } from '../../support/pdf-text.ts';

const ID_CARD = demoItems().find((i) => i.name === '居民身份证核发')!;
const person = { type: 'person', name: '张三丰', idNumber: '11010519491231002X', phone: '13812345678' };
const flat = (s: string) => s.replace(/\s+/g, '');

/**
 * The documents as PDF through the gateway: each opens, holds its page's Chinese text (read back
 * with PDF.js), and the receipt carries the receipt page's fields.
 */
describe('case documents as PDF (GET /api/cases/{id}/documents/{kind})', () => {
  let stack: TestStack;
  let clerk: string;
  const json = (r: Response) => r.json() as Promise<any>;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => stack.fetch(path, { method: 'POST', json: body, token: clerk, headers });
  const pdfOf = async (path: string) => {
    const r = await stack.fetch(path, { token: clerk, headers: { origin: 'https://bm.example.gov.cn' } });
    expect(
      r.status,
      await r
        .clone()
        .text()
        .catch(() => ''),
    ).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    return pdfText(new Uint8Array(await r.arrayBuffer()));
  };

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    clerk = await stack.login('clerk.lingshan');
  });
  afterAll(() => stack.stop());

  it('the receipt: the page’s fields — number, applicant, item, accepted at, materials, due date, place, phones', async () => {
    const r = await post(
      '/api/cases',
      { itemCode: ID_CARD.code, applicant: person, materialsReceived: ['居民户口簿', '近期免冠照片'] },
      { 'idempotency-key': crypto.randomUUID() },
    );
    const { case: c } = await json(r);
    const { pages, text } = await pdfOf(`/api/cases/${c.id}/documents/receipt`);
    expect(pages).toBe(1);
    const t = flat(text);
    for (const field of [
      '罗山县',
      '受理凭证',
      `编号：${c.number}`,
      '张三丰（证件号码1101**********002X）',
      `“${c.itemName}”`,
      `已于${flat(bjDateTime(c.acceptedAt))}受理`,
      '收到材料居民户口簿、近期免冠照片',
      `承诺办结日期${bjDateLong(c.dueDate)}`,
      `办理地点${flat(ID_CARD.place)}`,
      `咨询电话：${ID_CARD.consultPhone}`,
      '申请人（签收）：',
    ])
      expect(t).toContain(flat(field));
    // no full ID number on paper
    expect(t).not.toContain('11010519491231002X');
  });

  it('一次性告知书 and 不予受理通知书; a document the case has not got is 404', async () => {
    const { case: c } = await json(
      await post('/api/cases', { itemCode: ID_CARD.code, applicant: person, materialsReceived: [] }, { 'idempotency-key': crypto.randomUUID() }),
    );
    const notice = flat((await pdfOf(`/api/cases/${c.id}/documents/supplement-notice`)).text);
    expect(notice).toContain('一次性告知书');
    expect(notice).toContain('现一次性告知需补正的全部材料');
    expect(notice).toContain('1.居民户口簿');
    expect((await stack.fetch(`/api/cases/${c.id}/documents/decision`, { token: clerk })).status).toBe(404);
    const { case: n } = await json(
      await post(
        '/api/cases',
        { itemCode: ID_CARD.code, applicant: person, materialsReceived: [], notAccepted: { reason: '申请人户籍不在本县' } },
        { 'idempotency-key': crypto.randomUUID() },
      ),
    );
    const refusal = flat((await pdfOf(`/api/cases/${n.id}/documents/not-accepted`)).text);
    expect(refusal).toContain('不予受理通知书');
    expect(refusal).toContain('申请人户籍不在本县');
    expect(refusal).toContain('申请行政复议');
  });

  it('the 办结通知书 after the decision; another office’s clerk gets 404', async () => {
    const { case: c } = await json(
      await post(
        '/api/cases',
        { itemCode: ID_CARD.code, applicant: person, materialsReceived: ['居民户口簿', '近期免冠照片'] },
        { 'idempotency-key': crypto.randomUUID() },
      ),
    );
    expect((await post(`/api/cases/${c.id}/start`, { expectedVersion: 1 })).status).toBe(200);
    expect((await post(`/api/cases/${c.id}/decide`, { expectedVersion: 2, result: 'approved' })).status).toBe(200);
    const decision = flat((await pdfOf(`/api/cases/${c.id}/documents/decision`)).text);
    expect(decision).toContain('办结通知书');
    expect(decision).toContain('经审查，决定准予办理');
    const other = await stack.login('clerk.mzj');
    expect((await stack.fetch(`/api/cases/${c.id}/documents/decision`, { token: other })).status).toBe(404);
    expect((await stack.fetch(`/api/cases/${c.id}/documents/nonsense`, { token: clerk })).status).toBe(400);
  });
});
