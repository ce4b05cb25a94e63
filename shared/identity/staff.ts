import type { AuditAction } from '../audit/labels.ts';
import { randomInt, randomUUID } from 'node:crypto';
import { NotFoundError, ValidationError } from '../errors/domain-errors.ts';
import { actorOf, type AuditInput } from '../audit/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import type { Principal } from './principal.ts';
import type { DirectoryStore } from './ports.ts';
import { hashPassword } from './password.ts';
import { nextHistory } from './password-rules.ts';
import type { Role } from '../platform/scopes.ts';
import { assertGrantable, assertMayManage, assertNotSelfChange, assertNotSelfReset, assertOfficeInReach } from './staff-rules.ts';
import { isLocked, type OfficeRecord, type StaffUser } from './types.ts';

/**
 * 人员管理. The county admin manages every office and user; a center head manages the front-line
 * staff of their own office and its villages (staff-rules.ts). Each change is one commit with
 * its audit event.
 */
export interface StaffPorts {
  directory: DirectoryStore;
  clock: Clock;
}

const inOffice = async (ports: StaffPorts, officeId: string): Promise<OfficeRecord> => {
  const office = await ports.directory.office(officeId);
  if (!office) throw new NotFoundError('机构不存在');
  return office;
};

/** The target user, if the actor may manage them as they are now. */
const loadManaged = async (ports: StaffPorts, p: Principal, id: string): Promise<StaffUser> => {
  const u = await ports.directory.userById(id);
  if (!u) throw new NotFoundError('用户不存在');
  assertMayManage(p, u, await inOffice(ports, u.officeId));
  return u;
};

/** A one-time password the admin hands over; the user must change it at first login. */
const temporaryPassword = (): string => {
  const pick = (s: string) => s[randomInt(s.length)]!;
  const chars = [pick('ABCDEFGHJKLMNPQRSTUVWXYZ'), pick('abcdefghijkmnpqrstuvwxyz'), pick('23456789'), pick('@#%&*')];
  while (chars.length < 12) chars.push(pick('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'));
  return chars.sort(() => randomInt(3) - 1).join('');
};

export const publicUser = (u: StaffUser, now: Date) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  officeId: u.officeId,
  roles: u.roles,
  disabled: u.disabled,
  totpEnrolled: Boolean(u.totpSecret),
  locked: isLocked(u, now),
  mustChangePassword: u.mustChangePassword,
  createdAt: u.createdAt,
});

const userAudit = (p: Principal, action: AuditAction, u: Pick<StaffUser, 'id' | 'displayName'>, meta: RequestMeta, detail?: string): AuditInput => ({
  actor: actorOf(p),
  action,
  target: { type: 'user', id: u.id, label: u.displayName },
  result: 'success',
  ...meta,
  ...(detail ? { detail } : {}),
});

export const listUsers = async (ports: StaffPorts, p: Principal, input: { officeId: string }) => {
  assertOfficeInReach(p, await inOffice(ports, input.officeId));
  const now = ports.clock();
  return (await ports.directory.usersOfOffice(input.officeId)).map((u) => publicUser(u, now));
};

export const createUser = async (
  ports: StaffPorts,
  p: Principal,
  input: { username: string; displayName: string; officeId: string; roles: Role[] },
  meta: RequestMeta,
) => {
  assertOfficeInReach(p, await inOffice(ports, input.officeId));
  assertGrantable(p, input.roles);
  const password = temporaryPassword();
  const now = ports.clock();
  const user: StaffUser = {
    id: randomUUID(),
    ...input,
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
    disabled: false,
    failedLogins: 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  // the username guard is the create's condition: a taken name fails the commit (409)
  await ports.directory.commit([{ op: 'create-user', user }], [userAudit(p, 'user.create', user, meta, `${input.username} ${input.roles.join(',')}`)]);
  return { user: publicUser(user, now), temporaryPassword: password };
};

export const updateUser = async (
  ports: StaffPorts,
  p: Principal,
  input: { id: string; displayName?: string | undefined; roles?: Role[] | undefined; disabled?: boolean | undefined },
  meta: RequestMeta,
) => {
  assertNotSelfChange(p, input.id, input);
  const u = await loadManaged(ports, p, input.id);
  if (input.roles) assertGrantable(p, input.roles);
  const now = ports.clock();
  const next: StaffUser = {
    ...u,
    ...(input.displayName ? { displayName: input.displayName } : {}),
    ...(input.roles ? { roles: input.roles } : {}),
    ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
    // a disabled user or a changed role must sign in again: every session before now is over
    ...(input.disabled || input.roles ? { sessionsValidAfter: now.toISOString() } : {}),
    updatedAt: now.toISOString(),
  };
  const what = [input.roles ? `roles=${input.roles.join(',')}` : '', input.disabled !== undefined ? `disabled=${input.disabled}` : '']
    .filter(Boolean)
    .join(' ');
  await ports.directory.commit([{ op: 'update-user', user: next, expectedUpdatedAt: u.updatedAt }], [userAudit(p, 'user.update', next, meta, what)]);
  return publicUser(next, now);
};

export const resetPassword = async (ports: StaffPorts, p: Principal, input: { id: string }, meta: RequestMeta) => {
  assertNotSelfReset(p, input.id, '密码');
  const u = await loadManaged(ports, p, input.id);
  const password = temporaryPassword();
  const now = ports.clock();
  const at = now.toISOString();
  const next: StaffUser = {
    ...u,
    passwordHash: await hashPassword(password),
    // the replaced password stays in the history: the reset does not let the old one back in
    passwordHistory: nextHistory(u.passwordHash, u.passwordHistory),
    mustChangePassword: true,
    sessionsValidAfter: at,
    updatedAt: at,
  };
  await ports.directory.commit(
    [{ op: 'update-user', user: next, expectedUpdatedAt: u.updatedAt, clearFailures: true }],
    [userAudit(p, 'user.password.reset', u, meta)],
  );
  const unlocked: StaffUser = { ...next, failedLogins: 0 };
  delete unlocked.lockedUntil;
  return { user: publicUser(unlocked, now), temporaryPassword: password };
};

/**
 * A TOTP reset goes with a new one-time password: otherwise whoever knows (or guessed) the old
 * password would sign in after the reset and bind their own authenticator, with the account's full
 * scopes. Only the person handed the one-time password can enrol again (it must be changed first).
 */
export const resetTotp = async (ports: StaffPorts, p: Principal, input: { id: string }, meta: RequestMeta) => {
  assertNotSelfReset(p, input.id, '动态口令');
  const u = await loadManaged(ports, p, input.id);
  const password = temporaryPassword();
  const now = ports.clock();
  const at = now.toISOString();
  const next: StaffUser = {
    ...u,
    passwordHash: await hashPassword(password),
    // the replaced password stays in the history: the reset does not let the old one back in
    passwordHistory: nextHistory(u.passwordHash, u.passwordHistory),
    mustChangePassword: true,
    sessionsValidAfter: at,
    updatedAt: at,
  };
  delete next.totpSecret;
  delete next.pendingTotpSecret;
  await ports.directory.commit([{ op: 'update-user', user: next, expectedUpdatedAt: u.updatedAt }], [userAudit(p, 'user.totp.reset', u, meta)]);
  return { user: publicUser(next, now), temporaryPassword: password };
};

export const listOffices = async (ports: StaffPorts) => (await ports.directory.offices()).sort((a, b) => a.id.localeCompare(b.id));

export const createOffice = async (
  ports: StaffPorts,
  p: Principal,
  input: { id: string; name: string; kind: OfficeRecord['kind']; parentId: string },
  meta: RequestMeta,
) => {
  // an office of this county only: its id carries the county's code (the admin's own office's prefix)
  const county = p.officeId.slice(0, 6);
  if (!input.id.startsWith(`${county}-`)) throw new ValidationError(`机构编号须以本县区代码 ${county} 开头`, [{ path: 'id', message: `须以 ${county}- 开头` }]);
  if (!(await ports.directory.office(input.parentId))) throw new ValidationError('上级机构不存在', [{ path: 'parentId', message: '上级机构不存在' }]);
  const office: OfficeRecord = { ...input };
  // the create's condition refuses a taken id (409 OFFICE_EXISTS)
  await ports.directory.commit(
    [{ op: 'put-office', office, mode: 'create' }],
    [{ actor: actorOf(p), action: 'office.create', target: { type: 'office', id: input.id }, result: 'success', ...meta }],
  );
  return office;
};

/** A staff account as the 人员管理 page sees it (no hashes or secrets). */
export type StaffUserView = ReturnType<typeof publicUser>;
/** A created or reset account with the one-time password to hand over. */
export type UserWithTemporaryPassword = Awaited<ReturnType<typeof createUser>>;
