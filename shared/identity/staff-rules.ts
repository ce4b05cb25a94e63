import { ForbiddenError, ValidationError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from './principal.ts';
import type { Role } from '../platform/scopes.ts';
import type { OfficeRecord, StaffUser } from './types.ts';

/**
 * Who may manage whom. Privilege is checked on both sides: the actor's grant AND the target's
 * current roles and office. A center head (user.manage:my-office) reaches only front-line staff
 * of their own office and its villages; without the target check a head could reset the
 * password and TOTP of anyone in reach — the county center is every township's parent, so its
 * head would reach the county admin.
 */
export const HEAD_GRANTABLE: readonly Role[] = ['window_clerk', 'village_agent'];

const countyWide = (p: Pick<Principal, 'scopes'>): boolean => hasScope(p, 'user.manage:county');

/** The head's own office, or a village station directly under it (not departments or townships). */
export const officeInReach = (p: Pick<Principal, 'officeId' | 'scopes'>, office: OfficeRecord): boolean =>
  countyWide(p) || office.id === p.officeId || (office.kind === 'village' && office.parentId === p.officeId);

export const assertOfficeInReach = (p: Pick<Principal, 'officeId' | 'scopes'>, office: OfficeRecord): void => {
  if (!officeInReach(p, office)) throw new ForbiddenError('只能管理本机构（及下属村站）的人员');
};

/** Roles the actor may give. */
export const assertGrantable = (p: Pick<Principal, 'scopes'>, roles: readonly Role[]): void => {
  if (countyWide(p)) return;
  if (roles.some((r) => !HEAD_GRANTABLE.includes(r))) throw new ForbiddenError('中心负责人只能授予窗口人员、村代办员角色');
};

/** The target as it is now: in reach, and holding only roles the actor could have given. */
export const assertMayManage = (p: Pick<Principal, 'officeId' | 'scopes'>, target: Pick<StaffUser, 'roles'>, office: OfficeRecord): void => {
  assertOfficeInReach(p, office);
  if (countyWide(p)) return;
  if (target.roles.some((r) => !HEAD_GRANTABLE.includes(r))) throw new ForbiddenError('中心负责人只能管理窗口人员、村代办员；其他人员请由县政务服务管理局管理');
};

/** An admin-style reset of yourself would skip the proof of the current password (and TOTP). */
export const assertNotSelfReset = (p: Pick<Principal, 'userId'>, targetId: string, what: '密码' | '动态口令'): void => {
  if (p.userId === targetId) throw new ForbiddenError(`不能重置自己的${what}：修改密码请在“账户”中操作，动态口令请由其他管理员重置`);
};

/** Nobody disables or changes the roles of themselves (no lock-out, no self-promotion). */
export const assertNotSelfChange = (p: Pick<Principal, 'userId'>, targetId: string, input: { roles?: unknown; disabled?: unknown }): void => {
  if (p.userId !== targetId || (input.roles === undefined && input.disabled === undefined)) return;
  throw new ValidationError('不能修改自己的角色或停用自己', [{ path: input.disabled !== undefined ? 'disabled' : 'roles', message: '请由其他管理员操作' }]);
};
