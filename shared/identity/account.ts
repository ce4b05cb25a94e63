import { ConflictError, RuleError, UnauthenticatedError, ValidationError } from '../errors/domain-errors.ts';
import { actorOf } from '../audit/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import type { Principal } from './principal.ts';
import type { DirectoryStore } from './ports.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { newPasswordIssues, nextHistory, PASSWORD_HISTORY, usedBefore } from './password-rules.ts';
import { newTotpSecret, qrDataUrl, totpUri, verifyTotp } from './totp.ts';
import { userView } from './login.ts';
import { attemptRule, lockedError } from './attempts.ts';
import type { StaffUser } from './types.ts';

/** The signed-in user's own account: profile, logout, password change, TOTP enrolment. */
export interface AccountPorts {
  directory: DirectoryStore;
  clock: Clock;
}

const loadUser = async (ports: AccountPorts, p: Principal): Promise<StaffUser> => {
  const u = await ports.directory.userById(p.userId);
  if (!u || u.disabled) throw new UnauthenticatedError('UNAUTHENTICATED', '账户不可用，请重新登录');
  return u;
};

export const me = async (ports: AccountPorts, p: Principal) => {
  const [u, session, office] = await Promise.all([loadUser(ports, p), ports.directory.session(p.sessionId), ports.directory.office(p.officeId)]);
  return userView(u, office?.name ?? u.officeId, session ?? { mustChangePassword: false, totpEnrolmentRequired: false });
};

export const logout = async (ports: AccountPorts, p: Principal, meta: RequestMeta): Promise<void> => {
  await ports.directory.commit(
    [{ op: 'update-session', id: p.sessionId, set: { revoked: true } }],
    [{ actor: actorOf(p), action: 'auth.logout', target: { type: 'user', id: p.userId, label: p.displayName }, result: 'success', ...meta }],
  );
};

/**
 * The current password is checked like a login: the attempt is taken first, a wrong one counts
 * toward the lock (a stolen session must not become a password oracle). The new password ends
 * every other session of the user; this one re-proved the password and stays.
 */
export const changePassword = async (ports: AccountPorts, p: Principal, input: { currentPassword: string; newPassword: string }, meta: RequestMeta) => {
  const u = await loadUser(ports, p);
  const now = ports.clock();
  const attempt = await ports.directory.takeUserAttempt(u.id, attemptRule(now));
  if (!attempt.taken) throw lockedError(attempt.lockedUntil);
  if (!(await verifyPassword(u.passwordHash, input.currentPassword)))
    throw new ValidationError('当前密码不正确', [{ path: 'currentPassword', message: '当前密码不正确' }]);
  await ports.directory.clearAttempts({ userId: u.id }, attempt.generation);
  const issues = newPasswordIssues(input.newPassword, u.username);
  if (issues.length) throw new ValidationError(issues[0]!.message, issues);
  if (input.newPassword === input.currentPassword)
    throw new RuleError('PASSWORD_REUSED', '新密码不能与当前密码相同', [{ path: 'newPassword', message: '新密码不能与当前密码相同' }]);
  if (await usedBefore(input.newPassword, u.passwordHistory ?? [])) {
    const message = `新密码不能与最近 ${PASSWORD_HISTORY} 次用过的密码相同`;
    throw new RuleError('PASSWORD_REUSED', message, [{ path: 'newPassword', message }]);
  }
  const at = now.toISOString();
  const next: StaffUser = {
    ...u,
    passwordHash: await hashPassword(input.newPassword),
    passwordHistory: nextHistory(u.passwordHash, u.passwordHistory),
    mustChangePassword: false,
    sessionsValidAfter: at,
    updatedAt: at,
  };
  await ports.directory.commit(
    [
      { op: 'update-user', user: next, expectedUpdatedAt: u.updatedAt },
      { op: 'update-session', id: p.sessionId, set: { mustChangePassword: false, renewedAt: at } },
    ],
    [{ actor: actorOf(p), action: 'auth.password.change', target: { type: 'user', id: u.id, label: u.displayName }, result: 'success', ...meta }],
  );
  return me(ports, p);
};

export const startTotpEnrolment = async (ports: AccountPorts, p: Principal) => {
  const u = await loadUser(ports, p);
  if (u.totpSecret) throw new ConflictError('TOTP_ENROLLED', '已绑定动态口令；如需更换，请联系管理员重置');
  const secret = newTotpSecret();
  await ports.directory.commit(
    [{ op: 'update-user', user: { ...u, pendingTotpSecret: secret, updatedAt: ports.clock().toISOString() }, expectedUpdatedAt: u.updatedAt }],
    [],
  );
  const otpauthUri = totpUri(secret, u.username);
  return { otpauthUri, qrDataUrl: await qrDataUrl(otpauthUri) };
};

export const confirmTotp = async (ports: AccountPorts, p: Principal, input: { code: string }, meta: RequestMeta) => {
  const u = await loadUser(ports, p);
  if (!u.pendingTotpSecret) throw new ConflictError('NO_ENROLMENT', '请先开始绑定动态口令');
  if (!verifyTotp(u.pendingTotpSecret, input.code, ports.clock()))
    throw new ValidationError('动态口令错误，请核对手机验证器上的 6 位数字', [{ path: 'code', message: '动态口令错误' }]);
  const { pendingTotpSecret, ...rest } = u;
  await ports.directory.commit(
    [
      { op: 'update-user', user: { ...rest, totpSecret: pendingTotpSecret, updatedAt: ports.clock().toISOString() }, expectedUpdatedAt: u.updatedAt },
      { op: 'update-session', id: p.sessionId, set: { totpEnrolmentRequired: false } },
    ],
    [{ actor: actorOf(p), action: 'auth.totp.enrol', target: { type: 'user', id: u.id, label: u.displayName }, result: 'success', ...meta }],
  );
  return me(ports, p);
};

/** The QR code and URI of a TOTP enrolment (the web's 绑定动态口令 page shows them). */
export type TotpEnrolment = Awaited<ReturnType<typeof startTotpEnrolment>>;
