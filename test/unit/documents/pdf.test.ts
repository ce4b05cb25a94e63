import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../shared/cases/model.ts';
import { renderPdf } from '../../../shared/documents/pdf.ts';
import { caseDocument, commissionDocument, documentLines, documentsOf } from '../../../shared/documents/texts.ts';
import { ctx } from './fixtures.ts';
import { pdfText } from '../../support/pdf-text.ts';

const base: CaseRecord = {
  id: '00000000-0000-4000-8000-000000000001',
  number: '411521-20261123-0007',
  countyCode: '411521',
  officeId: '411521-lingshan',
  itemCode: 'T-PROM',
  itemVersion: 1,
  itemName: '最低生活保障申请',
  kind: 'promised',
  promisedDays: 10,
  statutoryDays: 20,
  applicant: {
    type: 'person',
    name: '张三丰',
    nameMasked: '张*丰',
    idMasked: '4115**********1234',
    phoneMasked: '138****5678',
    phone4: '5678',
    sealed: {} as never,
  },
  materialsReceived: ['申请表', '居民户口簿'],
  missingMaterials: [],
  status: 'delivered',
  createdAt: '2026-11-23T01:30:00.000Z',
  acceptedAt: '2026-11-23T01:30:00.000Z',
  dueDate: '2026-12-07',
  suspensions: [],
  decision: { result: 'refused', reason: '申请人家庭收入高于本县最低生活保障标准', at: '2026-11-30T03:00:00.000Z', onTime: true, by: 'clerk.lingshan' },
  createdBy: 'clerk.lingshan',
  version: 5,
};

/** Whitespace aside: PDF.js joins a wrapped line back as two text runs. */
const flat = (s: string) => s.replace(/\s+/g, '');

describe('case documents as PDF: the printed pages’ text, a Chinese font embedded', { timeout: 60_000 }, () => {
  it.each([
    ['receipt', base],
    ['supplement-notice', { ...base, status: 'awaiting_supplement', acceptedAt: undefined, missingMaterials: ['居民户口簿', '收入证明'] } as CaseRecord],
    [
      'not-accepted',
      { ...base, status: 'not_accepted', acceptedAt: undefined, notAccepted: { reason: '不属于本中心受理范围', referTo: '县民政局' } } as CaseRecord,
    ],
    ['decision', base],
  ] as const)('%s opens and holds every line of its page', async (kind, c) => {
    const doc = caseDocument(kind, c, ctx);
    const bytes = await renderPdf(doc);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const { pages, text } = await pdfText(bytes);
    expect(pages).toBe(1);
    for (const line of documentLines(doc)) expect(flat(text)).toContain(flat(line));
    // a subset: the whole font is 8 MB, the document a few dozen KB
    expect(bytes.length).toBeLessThan(120_000);
  });

  it('the refusal names the bodies of review and the court; the receipt names the materials and due date', async () => {
    const decision = flat((await pdfText(await renderPdf(caseDocument('decision', base, ctx)))).text);
    expect(decision).toContain('申请人家庭收入高于本县最低生活保障标准');
    expect(decision).toContain('向罗山县人民政府申请行政复议');
    const receipt = flat((await pdfText(await renderPdf(caseDocument('receipt', base, ctx)))).text);
    expect(receipt).toContain('收到材料申请表、居民户口簿');
    expect(receipt).toContain('2026年12月7日');
    expect(receipt).toContain('张三丰（证件号码4115**********1234）');
  });

  it('委托代办单 in two-pair rows', async () => {
    const doc = commissionDocument(
      {
        number: 'DB-411521-20261123-0001',
        itemName: '最低生活保障申请',
        createdAt: '2026-11-23T01:00:00.000Z',
        takeInDueAt: '2026-11-24T09:59:59.999Z',
        materialsCollected: ['申请表'],
        agentName: '李代办',
        consent: { method: 'signed', at: '2026-11-23T01:00:00.000Z' },
        applicant: { nameMasked: '张*丰', idMasked: '4115**********1234', phoneMasked: '138****5678' },
        stationName: '示例村一（演示）',
        townshipName: '灵山镇',
      },
      { countyName: '罗山县', link: 'https://example.gov.cn/commissions/x' },
    );
    const { text } = await pdfText(await renderPdf(doc));
    for (const line of documentLines(doc)) for (const part of line.split(' ')) expect(flat(text)).toContain(flat(part));
  });

  it('the same document draws to the same bytes (its archive checksum is stable)', async () => {
    const a = await renderPdf(caseDocument('receipt', base, ctx));
    const b = await renderPdf(caseDocument('receipt', base, ctx));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('documentsOf: what a case has so far', () => {
    expect(documentsOf(base)).toEqual(['receipt', 'decision']);
    expect(documentsOf({ ...base, status: 'not_accepted' })).toEqual(['not-accepted']);
  });
});
