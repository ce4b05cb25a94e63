import * as z from 'zod';
import { ROLES } from '../platform/scopes.ts';
import { plainText } from '../schema/text.ts';

/** One zod schema per identity input, validated once at the edge. */
/** An office id: the county code and a few slug parts. */
export const OFFICE_ID_MAX = 80;

export const loginBody = z.object({
  username: z.string().trim().min(1, '请填写用户名').max(64, '用户名过长'),
  password: z.string().min(1, '请填写密码').max(256, '密码过长'),
  totp: z
    .string()
    .trim()
    .max(6, '动态口令为 6 位数字')
    .regex(/^\d{6}$/, '动态口令为 6 位数字')
    .optional(),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, '请填写当前密码').max(256, '密码过长'),
  newPassword: z.string().min(1, '请填写新密码').max(256, '密码过长'),
});

export const totpConfirmBody = z.object({
  code: z
    .string()
    .trim()
    .max(6, '动态口令为 6 位数字')
    .regex(/^\d{6}$/, '动态口令为 6 位数字'),
});

const role = z.enum(ROLES, { message: '角色无效' });

export const userIdParams = z.object({ id: z.string().min(1).max(64) });
export const usersQuery = z.object({ officeId: z.string().min(1, '请选择机构').max(OFFICE_ID_MAX) });

export const createUserBody = z.object({
  username: z
    .string()
    .trim()
    .max(32, '用户名为 3–32 位')
    .regex(/^[a-z][a-z0-9._-]{2,31}$/, '用户名为 3–32 位小写字母、数字或 . _ -，以字母开头'),
  displayName: z.string().trim().min(1, '请填写姓名').max(32, '姓名过长'),
  officeId: z.string().min(1, '请选择机构').max(OFFICE_ID_MAX),
  roles: z.array(role).min(1, '至少选择一个角色'),
});

export const updateUserBody = z
  .object({
    displayName: z.string().trim().min(1, '请填写姓名').max(32, '姓名过长').optional(),
    roles: z.array(role).min(1, '至少选择一个角色').optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => b.displayName !== undefined || b.roles !== undefined || b.disabled !== undefined, { message: '没有要修改的内容' });

export const createOfficeBody = z.object({
  // the county's own code prefix is checked by the use case (it knows the county)
  id: z
    .string()
    .max(OFFICE_ID_MAX, '机构编号过长')
    .regex(/^\d{6}(-[a-z0-9]+)+$/, '机构编号须以县区代码开头，如 411521-lingshan-xinchun'),
  name: plainText('机构名称', 50, 2),
  kind: z.enum(['department', 'township', 'village'], { message: '机构类型无效' }),
  parentId: z.string().min(1, '请选择上级机构').max(OFFICE_ID_MAX),
});
