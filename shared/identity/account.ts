import { ConflictError, RuleError, UnauthenticatedError, ValidationError } from '../errors/domain-errors.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Principal } from './principal.ts';
import type { DirectoryStore } from './directory-store.ts';
import { hashPassword, passwordIssues, verifyPassword } from './password.ts';
import { newTotpSecret, qrDataUrl, totpUri, verifyTotp } from './totp.ts';
import { userView } from './login.ts';
import type { StaffUser } from './types.ts';

/** The signed-in user's own account: profile, logout, password change, TOTP enrolment. */
export interface AccountPorts {
  directory: DirectoryStore;
  clock: Clock;
}
export interface Meta {
  sourceIp: string;
  userAgent: string;
}

const actor = (p: Principal) => ({ userId: p.userId, username: p.username, officeId: p.officeId });

const loadUser = async (p: Principal, ports: AccountPorts): Promise<StaffUser> => {
  const u = await ports.directory.userById(p.userId);
  if (!u || u.disabled) throw new UnauthenticatedError('UNAUTHENTICATED', '账户不可用，请重新登录');
  return u;
};

export const me = async (p: Principal, ports: AccountPorts) => {
  const [u, session, office] = await Promise.all([loadUser(p, ports), ports.directory.session(p.sessionId), ports.directory.office(p.officeId)]);
  return userView(u, office?.name ?? u.officeId, session ?? { mustChangePassword: false, totpEnrolmentRequired: false });
};

export const logout = async (p: Principal, meta: Meta, ports: AccountPorts): Promise<void> => {
  await ports.directory.updateSession(p.sessionId, { revoked: true });
  await ports.directory.transact([auditPut({ actor: actor(p), action: 'auth.logout', target: { type: 'user', id: p.userId }, result: 'success', ...meta }, ports.clock())]);
};

export const changePassword = async (p: Principal, input: { currentPassword: string; newPassword: string }, meta: Meta, ports: AccountPorts) => {
  const u = await loadUser(p, ports);
  if (!(await verifyPassword(u.passwordHash, input.currentPassword)))
    throw new ValidationError('当前密码不正确', [{ path: 'currentPassword', message: '当前密码不正确' }]);
  const issues = passwordIssues(input.newPassword);
  if (issues.length) throw new ValidationError(issues[0]!.message, issues);
  if (input.newPassword === input.currentPassword)
    throw new RuleError('PASSWORD_REUSED', '新密码不能与当前密码相同', [{ path: 'newPassword', message: '新密码不能与当前密码相同' }]);
  const now = ports.clock().toISOString();
  const next: StaffUser = { ...u, passwordHash: await hashPassword(input.newPassword), mustChangePassword: false, updatedAt: now };
  await ports.directory.transact([
    ports.directory.putUserItem(next, u.updatedAt),
    auditPut({ actor: actor(p), action: 'auth.password.change', target: { type: 'user', id: u.id }, result: 'success', ...meta }, ports.clock()),
  ]);
  await ports.directory.updateSession(p.sessionId, { mustChangePassword: false });
  return me(p, ports);
};

export const startTotpEnrolment = async (p: Principal, ports: AccountPorts) => {
  const u = await loadUser(p, ports);
  if (u.totpSecret) throw new ConflictError('TOTP_ENROLLED', '已绑定动态口令；如需更换，请联系管理员重置');
  const secret = newTotpSecret();
  const now = ports.clock().toISOString();
  await ports.directory.transact([ports.directory.putUserItem({ ...u, pendingTotpSecret: secret, updatedAt: now }, u.updatedAt)]);
  const otpauthUri = totpUri(secret, u.username);
  return { otpauthUri, qrDataUrl: await qrDataUrl(otpauthUri) };
};

export const confirmTotp = async (p: Principal, code: string, meta: Meta, ports: AccountPorts) => {
  const u = await loadUser(p, ports);
  if (!u.pendingTotpSecret) throw new ConflictError('NO_ENROLMENT', '请先开始绑定动态口令');
  if (!verifyTotp(u.pendingTotpSecret, code, ports.clock()))
    throw new ValidationError('动态口令错误，请核对手机验证器上的 6 位数字', [{ path: 'code', message: '动态口令错误' }]);
  const now = ports.clock().toISOString();
  const { pendingTotpSecret, ...rest } = u;
  await ports.directory.transact([
    ports.directory.putUserItem({ ...rest, totpSecret: pendingTotpSecret, updatedAt: now }, u.updatedAt),
    auditPut({ actor: actor(p), action: 'auth.totp.enrol', target: { type: 'user', id: u.id }, result: 'success', ...meta }, ports.clock()),
  ]);
  await ports.directory.updateSession(p.sessionId, { totpEnrolmentRequired: false });
  return me(p, ports);
};

/** The QR code and URI of a TOTP enrolment (the web's 绑定动态口令 page shows them). */
export type TotpEnrolment = Awaited<ReturnType<typeof startTotpEnrolment>>;
