import * as z from 'zod';

/** One zod schema per identity input, validated once at the edge. */
export const loginBody = z.object({
  username: z.string().trim().min(1, '请填写用户名').max(64, '用户名过长'),
  password: z.string().min(1, '请填写密码').max(256, '密码过长'),
  totp: z.string().trim().regex(/^\d{6}$/, '动态口令为 6 位数字').optional(),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, '请填写当前密码'),
  newPassword: z.string().min(1, '请填写新密码').max(256, '密码过长'),
});

export const totpConfirmBody = z.object({ code: z.string().trim().regex(/^\d{6}$/, '动态口令为 6 位数字') });
