import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone, redactText } from '../../../shared/privacy/mask.ts';

describe('personal data masking', () => {
  it('masks ID numbers, phones and names', () => {
    expect(maskIdNumber('41152119900101123X')).toBe('4115**********123X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
  });

  it('redacts every ID and mobile number inside free text, leaving case numbers alone', () => {
    const text = '申请人 411521199001011234 电话13812345678 办件 411521-20261122-0042';
    const out = redactText(text);
    expect(out).toBe('申请人 4115**********1234 电话138****5678 办件 411521-20261122-0042');
    expect(out).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}/);
  });
});
