import { MOBILE_PHONE } from '@shared/schema/phone.ts';
import type { FormRule } from 'antd';
import { isValidIdNumber, isValidUscc } from '@shared/cases/identity-numbers.ts';

/**
 * Checks shown while the clerk types. They only warn: the server checks again and its message
 * lands on the same field (shell/form-errors.tsx), so a rule here never silently blocks a submit.
 */
const warn = (ok: (v: string) => boolean, message: string): FormRule => ({
  warningOnly: true,
  validator: (_, v: unknown) =>
    typeof v !== 'string' || v.trim() === '' || ok(v.trim().toUpperCase()) ? Promise.resolve() : Promise.reject(new Error(message)),
});

export const idNumberRule = warn((v) => (v.length < 18 ? /^\d*$/.test(v) : isValidIdNumber(v)), '身份证号码有误：请核对出生日期和最后一位校验码（GB 11643）');
export const creditCodeRule = warn((v) => v.length < 18 || isValidUscc(v), '统一社会信用代码校验位不符，请核对');
export const phoneRule = warn((v) => (v.length < 11 ? /^1\d*$/.test(v) : MOBILE_PHONE.test(v)), '手机号码应为 1 开头的 11 位数字');
