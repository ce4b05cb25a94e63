import { describe, expect, it } from 'vitest';
import { selectCounties } from '../../../scripts/lib/select-counties.ts';

describe('selectCounties', () => {
  const codes = ['411521', '411522', '640502'];
  it('selects a province by its two digits, named counties, or all', () => {
    expect(selectCounties(codes, { province: '41' })).toEqual(['411521', '411522']);
    expect(selectCounties(codes, { county: ['640502'] })).toEqual(['640502']);
    expect(selectCounties(codes, { all: true })).toEqual(codes);
  });
  it('refuses no choice, two choices, an unknown county or province', () => {
    expect(() => selectCounties(codes, {})).toThrow(/只用一种方式/);
    expect(() => selectCounties(codes, { all: true, province: '41' })).toThrow(/只用一种方式/);
    expect(() => selectCounties(codes, { county: ['110101'] })).toThrow(/没有县区：110101/);
    expect(() => selectCounties(codes, { province: '11' })).toThrow(/没有 11 开头/);
    expect(() => selectCounties(codes, { province: '4' })).toThrow(/两位数字/);
  });
});
