import { describe, expect, it } from 'vitest';
import { intakeBody, type CaseRecord } from '../../../shared/cases/model.ts';
import { caseDocument, documentLines } from '../../../shared/documents/texts.ts';
import { ctx } from './fixtures.ts';
import { fieldIssues } from '../../../shared/errors/field-issues.ts';

const refused = (notAccepted: CaseRecord['notAccepted']) =>
  ({
    number: '411521-20261123-0007',
    status: 'not_accepted',
    itemName: '最低生活保障申请',
    kind: 'promised',
    promisedDays: 10,
    createdAt: '2026-11-23T01:30:00.000Z',
    materialsReceived: [],
    missingMaterials: [],
    notAccepted,
    applicant: { type: 'person', name: '张*丰', idMasked: '4115**********1234' },
  }) as unknown as CaseRecord;

const text = (c: CaseRecord) => documentLines(caseDocument('not-accepted', c, ctx)).join('\n');

describe('不予受理通知书: the text follows the 法定情形', () => {
  it('a matter outside this office sends the applicant to the office the clerk named, not back to this one', () => {
    const t = text(refused({ ground: 'not-competent', reason: '个体工商户登记由县市场监管局办理', referTo: '罗山县市场监督管理局（县政务服务中心 2 楼）' }));
    expect(t).toContain('不属于本机关职权范围');
    expect(t).toContain('请向罗山县市场监督管理局（县政务服务中心 2 楼）申请');
    expect(t).not.toContain('灵山镇便民服务中心申请');
    expect(t).toContain('向罗山县人民政府申请行政复议');
  });

  it('a matter needing no application sends nobody anywhere', () => {
    const t = text(refused({ ground: 'not-required', reason: '该证明事项已取消', referTo: '' }));
    expect(t).toContain('依法不需要取得行政许可或办理');
    expect(t).toContain('无需就此事项再行申请');
    expect(t).not.toContain('请向');
  });

  it('an applicant who falls short gets the reason and where to ask, not where to apply', () => {
    const t = text(refused({ ground: 'not-eligible', reason: '申请人户籍不在本县', referTo: '罗山县民政局；咨询电话 0376-2100001' }));
    expect(t).toContain('申请人户籍不在本县');
    expect(t).toContain('如有疑问，可咨询：罗山县民政局');
    expect(t).not.toContain('不属于本机关职权范围');
  });

  it('cases refused before grounds existed read as before, with the reason', () => {
    expect(text(refused({ reason: '不属本中心办理', referTo: '县民政局' }))).toContain('不属本中心办理');
  });

  it('naming another office is required exactly when the matter is not this office’s, on its field', () => {
    const body = { itemCode: 'X', applicant: { type: 'person', name: '张三', idNumber: '11010519491231002X', phone: '13800138000' } };
    const r = intakeBody.safeParse({ ...body, notAccepted: { ground: 'not-competent', reason: '不属本中心办理' } });
    expect(r.success).toBe(false);
    expect(fieldIssues(r.error!)).toEqual([{ path: 'notAccepted.referTo', message: '请写明应向哪个机关申请' }]);
    expect(intakeBody.parse({ ...body, notAccepted: { reason: '户籍不在本县' } }).notAccepted?.ground).toBe('not-eligible');
    expect(intakeBody.safeParse({ ...body, notAccepted: { ground: 'elsewhere', reason: '户籍不在本县' } }).success).toBe(false);
    expect(intakeBody.safeParse({ ...body, notAccepted: { ground: 'not-competent', reason: '不属本中心办理', referTo: '局'.repeat(201) } }).success).toBe(
      false,
    );
  });
});
