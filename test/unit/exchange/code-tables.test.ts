import { describe, expect, it } from 'vitest';
import { PROFILES, checkRecord, profileOf, toProvince } from '../../../shared/exchange/profiles.ts';
import type { StageRecord } from '../../../shared/exchange/model.ts';

/**
 * Each province's code tables, table by table: the codes the province's interface expects for
 * Bianmin's values. The known traps are pinned: GB/T 39046 codes satisfaction 1 = 非常满意 while the
 * 41 profile's rating interface codes 1 = 非常不满意; channel codes differ between provinces.
 */
const gb = profileOf('gbt39046');
const henan = profileOf('41-demo');
const ningxia = profileOf('64-demo');

describe('the profiles', () => {
  it('are the generic GB/T 39046 JSON one (the default) and two demo provinces, labelled demo', () => {
    expect(Object.keys(PROFILES).sort()).toEqual(['41-demo', '64-demo', 'gbt39046']);
    expect(profileOf(undefined).id).toBe('gbt39046');
    expect(gb).toMatchObject({ demo: false, transport: 'json', auth: 'token' });
    expect(henan).toMatchObject({ demo: true, transport: 'json', auth: 'token' });
    expect(ningxia).toMatchObject({ demo: true, transport: 'form-xml', auth: 'hmac-sha256', provinceCount: false });
    for (const p of [henan, ningxia]) expect(p.name).toContain('演示');
  });

  it('map every element to a distinct field name of their own', () => {
    for (const p of Object.values(PROFILES)) expect(new Set(Object.values(p.fields)).size).toBe(Object.keys(p.fields).length);
  });

  it('give every value of a table a distinct code (a code read back names one value; 办理层级 is by level: the county center and a department are both 县级)', () => {
    for (const p of Object.values(PROFILES))
      for (const [name, table] of Object.entries(p.codes).filter(([n]) => n !== 'handlingLevel'))
        expect(new Set(Object.values(table)).size, `${p.id} ${name}`).toBe(Object.keys(table).length);
  });
});

describe('办件类型 (itemKind)', () => {
  it.each([gb, henan, ningxia])('$id: 即办件 = 1, 承诺件 = 2', (p) => {
    expect(p.codes.itemKind).toEqual({ immediate: '1', promised: '2' });
  });
});

describe('办理层级 (handlingLevel)', () => {
  it.each([gb, henan, ningxia])('$id: 县级 = 4, 乡镇 = 5, 村 = 6', (p) => {
    expect(p.codes.handlingLevel).toEqual({ county_center: '4', department: '4', township: '5', village: '6' });
  });
});

describe('满意度 (satisfaction, GB/T 39735 levels 5 = 非常满意 … 1 = 非常不满意 in Bianmin)', () => {
  it('gbt39046: 1 = 非常满意 … 5 = 非常不满意', () => {
    expect(gb.codes.satisfaction).toEqual({ 5: '1', 4: '2', 3: '3', 2: '4', 1: '5' });
  });
  it('41-demo: 1 = 非常不满意 … 5 = 非常满意 (the reverse)', () => {
    expect(henan.codes.satisfaction).toEqual({ 5: '5', 4: '4', 3: '3', 2: '2', 1: '1' });
  });
  it('64-demo: as GB/T 39046', () => {
    expect(ningxia.codes.satisfaction).toEqual(gb.codes.satisfaction);
  });
});

describe('申请渠道 (channel): codes differ between provinces', () => {
  it('gbt39046: 窗口 = 1, 代办 = 3', () => expect(gb.codes.channel).toEqual({ window: '1', agent: '3' }));
  it('41-demo: 窗口 = 10, 代办 = 30', () => expect(henan.codes.channel).toEqual({ window: '10', agent: '30' }));
  it('64-demo: 窗口 = 01, 代办 = 05', () => expect(ningxia.codes.channel).toEqual({ window: '01', agent: '05' }));
});

describe('环节 (stage)', () => {
  it('gbt39046: 受理 1 … 差评整改 8', () =>
    expect(gb.codes.stage).toEqual({ accepted: '1', supplement: '2', refused: '3', forwarded: '4', decided: '5', delivered: '6', rated: '7', rectified: '8' }));
  it('41-demo: letter codes', () =>
    expect(henan.codes.stage).toEqual({
      accepted: 'SL',
      supplement: 'BZ',
      refused: 'BYSL',
      forwarded: 'ZB',
      decided: 'BJ',
      delivered: 'SD',
      rated: 'PJ',
      rectified: 'ZG',
    }));
  it('64-demo: two digits', () =>
    expect(ningxia.codes.stage).toEqual({
      accepted: '01',
      supplement: '02',
      refused: '03',
      forwarded: '04',
      decided: '05',
      delivered: '06',
      rated: '07',
      rectified: '08',
    }));
});

describe('办理结果, 申请人类型, 送达方式, 评价渠道', () => {
  it('gbt39046', () => {
    expect(gb.codes.result).toEqual({ approved: '1', refused: '2' });
    expect(gb.codes.applicantType).toEqual({ person: '1', organisation: '2' });
    expect(gb.codes.deliveryMethod).toEqual({ pickup: '1', post: '2', e_notice: '3', agent: '4' });
    expect(gb.codes.ratingChannel).toEqual({ window: '1', qr: '2', web: '3', hotline: '4' });
  });
  it('41-demo', () => {
    expect(henan.codes.result).toEqual({ approved: '0', refused: '1' });
    expect(henan.codes.applicantType).toEqual({ person: '1', organisation: '2' });
    expect(henan.codes.deliveryMethod).toEqual({ pickup: '1', post: '2', e_notice: '3', agent: '9' });
    expect(henan.codes.ratingChannel).toEqual({ window: 'pjq', qr: 'ewm', web: 'wz', hotline: 'rx' });
  });
  it('64-demo', () => {
    expect(ningxia.codes.result).toEqual({ approved: '1', refused: '2' });
    expect(ningxia.codes.applicantType).toEqual({ person: '1', organisation: '2' });
    expect(ningxia.codes.deliveryMethod).toEqual({ pickup: '1', post: '2', e_notice: '3', agent: '4' });
    expect(ningxia.codes.ratingChannel).toEqual({ window: '1', qr: '2', web: '3', hotline: '4' });
  });
});

describe('a record in the province’s words', () => {
  const rated: StageRecord = {
    stage: 'rated',
    caseNumber: '411521-20261208-0001',
    itemCode: 'A-1',
    itemName: '演示事项',
    itemKind: 'immediate',
    countyCode: '411521',
    officeId: 'lingshan',
    handlingOfficeId: 'shiliu',
    channel: 'agent',
    applicantType: 'person',
    applicantNameMasked: '王*',
    at: '2026-12-08T02:03:04.000Z',
    satisfaction: 5,
    ratingChannel: 'qr',
  };
  const kinds = (id: string) => (id === 'shiliu' ? ('village' as const) : ('township' as const));

  it('非常满意 at a village station reads 1 in GB/T 39046 and 5 in the 41 profile, with each one’s field names and channel codes', () => {
    const g = toProvince(gb, 'r1', rated, kinds);
    expect(g).toMatchObject({
      satisfaction: '1',
      applyChannel: '3',
      handleLevel: '6',
      itemType: '1',
      stageTime: '2026-12-08 10:03:04',
      stage: '7',
      evaluateChannel: '2',
    });
    const h = toProvince(henan, 'r1', rated, kinds);
    expect(h).toMatchObject({ EVALUATE_LEVEL: '5', APPLY_FROM: '30', USE_LEVEL: '6', TASK_TYPE: '1', NODE_CODE: 'PJ', APPLYER_NAME: '王*' });
    expect(checkRecord(gb, g)).toEqual([]);
    expect(checkRecord(henan, h)).toEqual([]);
    expect(checkRecord(ningxia, toProvince(ningxia, 'r1', rated, kinds))).toEqual([]);
  });

  it('the province’s check names a missing element and a code outside its table', () => {
    const g = toProvince(gb, 'r1', rated, kinds);
    const { satisfaction: _s, ...without } = g;
    expect(checkRecord(gb, without)).toEqual(['缺少数据项 satisfaction']);
    expect(checkRecord(gb, { ...g, applyChannel: '30' })).toEqual(['数据项 applyChannel 的代码 30 不在代码表中']);
  });

  it('carries no personal data beyond the masked name', () => {
    const text = JSON.stringify(toProvince(henan, 'r1', rated, kinds));
    expect(text).not.toMatch(/\d{11}|\d{17}[\dX]/);
  });
});
