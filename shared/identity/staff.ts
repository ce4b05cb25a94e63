import { randomInt, randomUUID } from 'node:crypto';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors/domain-errors.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import type { Clock } from '../platform/clock.ts';
import { hasScope, type Principal } from './principal.ts';
import type { DirectoryStore } from './directory-store.ts';
import { hashPassword } from './password.ts';
import type { Role } from './scopes.ts';
import type { OfficeRecord, StaffUser } from './types.ts';

/**
 * 人员管理. The county admin manages every office and user; a center head manages the users of
 * their own office and its villages, and may only give front-line roles.
 */
export interface StaffPorts {
  directory: DirectoryStore;
  clock: Clock;
}
export interface Meta {
  sourceIp: string;
  userAgent: string;
}

const HEAD_GRANTABLE: readonly Role[] = ['window_clerk', 'village_agent'];

const manageable = async (p: Principal, officeId: string, ports: StaffPorts): Promise<OfficeRecord> => {
  const office = await ports.directory.office(officeId);
  if (!office) throw new NotFoundError('机构不存在');
  if (hasScope(p, 'user.manage:county')) return office;
  if (office.id === p.officeId || office.parentId === p.officeId) return office;
  throw new ForbiddenError('只能管理本机构（及下属村站）的人员');
};

const checkRoles = (p: Principal, roles: readonly Role[]) => {
  if (hasScope(p, 'user.manage:county')) return;
  const bad = roles.filter((r) => !HEAD_GRANTABLE.includes(r));
  if (bad.length) throw new ForbiddenError(`中心负责人只能授予窗口人员、村代办员角色`);
};

/** A one-time password the admin hands over; the user must change it at first login. */
const temporaryPassword = (): string => {
  const pick = (s: string) => s[randomInt(s.length)]!;
  const chars = [pick('ABCDEFGHJKLMNPQRSTUVWXYZ'), pick('abcdefghijkmnpqrstuvwxyz'), pick('23456789'), pick('@#%&*')];
  while (chars.length < 12) chars.push(pick('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'));
  return chars.sort(() => randomInt(3) - 1).join('');
};

export const publicUser = (u: StaffUser) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  officeId: u.officeId,
  roles: u.roles,
  disabled: u.disabled,
  totpEnrolled: Boolean(u.totpSecret),
  locked: Boolean(u.lockedUntil && u.lockedUntil > new Date().toISOString()),
  mustChangePassword: u.mustChangePassword,
  createdAt: u.createdAt,
});

const audit = (p: Principal, action: string, id: string, meta: Meta, ports: StaffPorts, detail?: string) =>
  auditPut({ actor: { userId: p.userId, username: p.username, officeId: p.officeId }, action, target: { type: 'user', id }, result: 'success', ...meta, ...(detail ? { detail } : {}) }, ports.clock());

export const listUsers = async (p: Principal, officeId: string, ports: StaffPorts) => {
  await manageable(p, officeId, ports);
  return (await ports.directory.usersOfOffice(officeId)).map(publicUser);
};

export const createUser = async (
  p: Principal,
  input: { username: string; displayName: string; officeId: string; roles: Role[] },
  meta: Meta,
  ports: StaffPorts,
) => {
  await manageable(p, input.officeId, ports);
  checkRoles(p, input.roles);
  if (await ports.directory.userByUsername(input.username))
    throw new ConflictError('USERNAME_TAKEN', `用户名 ${input.username} 已被使用`);
  const password = temporaryPassword();
  const now = ports.clock().toISOString();
  const user: StaffUser = {
    id: randomUUID(),
    ...input,
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
    disabled: false,
    failedLogins: 0,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await ports.directory.transact([...ports.directory.createUserItems(user), audit(p, 'user.create', user.id, meta, ports, `${input.username} ${input.roles.join(',')}`)]);
  } catch (e) {
    if ((e as Error).name === 'TransactionCanceledException') throw new ConflictError('USERNAME_TAKEN', `用户名 ${input.username} 已被使用`);
    throw e;
  }
  return { user: publicUser(user), temporaryPassword: password };
};

const loadManaged = async (p: Principal, id: string, ports: StaffPorts): Promise<StaffUser> => {
  const u = await ports.directory.userById(id);
  if (!u) throw new NotFoundError('用户不存在');
  await manageable(p, u.officeId, ports);
  return u;
};

export const updateUser = async (
  p: Principal,
  id: string,
  input: { displayName?: string | undefined; roles?: Role[] | undefined; disabled?: boolean | undefined },
  meta: Meta,
  ports: StaffPorts,
) => {
  const u = await loadManaged(p, id, ports);
  if (input.roles) checkRoles(p, input.roles);
  if (id === p.userId && (input.disabled || input.roles)) throw new ValidationError('不能修改自己的角色或停用自己', [{ path: input.disabled ? 'disabled' : 'roles', message: '请由其他管理员操作' }]);
  const next: StaffUser = {
    ...u,
    ...(input.displayName ? { displayName: input.displayName } : {}),
    ...(input.roles ? { roles: input.roles } : {}),
    ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
    updatedAt: ports.clock().toISOString(),
  };
  const what = [input.roles ? `roles=${input.roles.join(',')}` : '', input.disabled !== undefined ? `disabled=${input.disabled}` : ''].filter(Boolean).join(' ');
  await ports.directory.transact([ports.directory.putUserItem(next, u.updatedAt), audit(p, 'user.update', id, meta, ports, what)]);
  // a disabled user or a changed role must sign in again
  if (input.disabled || input.roles) await revokeSessions(id, ports);
  return publicUser(next);
};

const revokeSessions = async (userId: string, ports: StaffPorts) => {
  for (const s of await ports.directory.sessionsOf(userId)) if (!s.revoked) await ports.directory.updateSession(s.id, { revoked: true });
};

export const resetPassword = async (p: Principal, id: string, meta: Meta, ports: StaffPorts) => {
  const u = await loadManaged(p, id, ports);
  const password = temporaryPassword();
  const next: StaffUser = { ...u, passwordHash: await hashPassword(password), mustChangePassword: true, failedLogins: 0, updatedAt: ports.clock().toISOString() };
  delete next.lockedUntil;
  await ports.directory.transact([ports.directory.putUserItem(next, u.updatedAt), audit(p, 'user.password.reset', id, meta, ports)]);
  await revokeSessions(id, ports);
  return { user: publicUser(next), temporaryPassword: password };
};

export const resetTotp = async (p: Principal, id: string, meta: Meta, ports: StaffPorts) => {
  const u = await loadManaged(p, id, ports);
  const next: StaffUser = { ...u, updatedAt: ports.clock().toISOString() };
  delete next.totpSecret;
  delete next.pendingTotpSecret;
  await ports.directory.transact([ports.directory.putUserItem(next, u.updatedAt), audit(p, 'user.totp.reset', id, meta, ports)]);
  await revokeSessions(id, ports);
  return { user: publicUser(next) };
};

export const createOffice = async (
  p: Principal,
  input: { id: string; name: string; kind: OfficeRecord['kind']; parentId: string },
  meta: Meta,
  ports: StaffPorts,
) => {
  if (!(await ports.directory.office(input.parentId))) throw new ValidationError('上级机构不存在', [{ path: 'parentId', message: '上级机构不存在' }]);
  if (await ports.directory.office(input.id)) throw new ConflictError('OFFICE_EXISTS', `机构编号 ${input.id} 已存在`);
  const office: OfficeRecord = { ...input };
  await ports.directory.transact([
    ports.directory.officePutItem(office),
    auditPut({ actor: { userId: p.userId, username: p.username, officeId: p.officeId }, action: 'office.create', target: { type: 'office', id: input.id }, result: 'success', ...meta }, ports.clock()),
  ]);
  return office;
};


/** A staff account as the 人员管理 page sees it (no hashes or secrets). */
export type StaffUserView = ReturnType<typeof publicUser>;
/** A created or reset account with the one-time password to hand over. */
export type UserWithTemporaryPassword = Awaited<ReturnType<typeof createUser>>;
