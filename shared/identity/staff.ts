import { randomInt, randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '../errors/domain-errors.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Principal } from './principal.ts';
import { assertGrantable, assertMayManage, assertNotSelfChange, assertNotSelfReset, assertOfficeInReach } from './staff-rules.ts';
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

const manageable = async (p: Principal, officeId: string, ports: StaffPorts): Promise<OfficeRecord> => {
  const office = await ports.directory.office(officeId);
  if (!office) throw new NotFoundError('机构不存在');
  assertOfficeInReach(p, office);
  return office;
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
  assertGrantable(p, input.roles);
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
  const office = await ports.directory.office(u.officeId);
  if (!office) throw new NotFoundError('机构不存在');
  assertMayManage(p, u, office);
  return u;
};

export const updateUser = async (
  p: Principal,
  id: string,
  input: { displayName?: string | undefined; roles?: Role[] | undefined; disabled?: boolean | undefined },
  meta: Meta,
  ports: StaffPorts,
) => {
  assertNotSelfChange(p, id, input);
  const u = await loadManaged(p, id, ports);
  if (input.roles) assertGrantable(p, input.roles);
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
  assertNotSelfReset(p, id, '密码');
  const u = await loadManaged(p, id, ports);
  const password = temporaryPassword();
  const next: StaffUser = { ...u, passwordHash: await hashPassword(password), mustChangePassword: true, failedLogins: 0, updatedAt: ports.clock().toISOString() };
  delete next.lockedUntil;
  await ports.directory.transact([ports.directory.putUserItem(next, u.updatedAt), audit(p, 'user.password.reset', id, meta, ports)]);
  await revokeSessions(id, ports);
  return { user: publicUser(next), temporaryPassword: password };
};

export const resetTotp = async (p: Principal, id: string, meta: Meta, ports: StaffPorts) => {
  assertNotSelfReset(p, id, '动态口令');
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

