import * as z from 'zod';

/**
 * An amount of money in yuan: at least one fen (0.01), at most two decimals, at most `max`.
 * A positive-only check let 1e-300 through, which DynamoDB cannot store (a 5xx) and no receipt
 * can show; whole fen are what a 票据 records.
 */
const isWholeFen = (v: number): boolean => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;

export const yuanAmount = (max: number) =>
  z
    .number({ error: '请填写金额（元）' })
    .min(0.01, '金额至少 0.01 元（一分）')
    .max(max, `金额不能超过 ${max} 元`)
    .refine(isWholeFen, '金额最多两位小数（到分）');
