import { randomUUID } from 'node:crypto';
import { LockedError, TooManyRequestsError, UnauthenticatedError } from '../errors/domain-errors.ts';
import type { AuditInput } from '../audit/audit.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { DirectoryStore } from './directory-store.ts';
import type { TokenSigner } from './tokens.ts';
import { dummyHash, verifyPassword } from './password.ts';
import { totpStep } from './totp.ts';
import { grantedScopes, totpRequired } from './policy.ts';
import { ABSOLUTE_HOURS, LOCK_MINUTES, MAX_FAILED_LOGINS, type Session, type StaffUser, type UserView } from './types.ts';

export interface LoginInput {
  username: string;
  password: string;
  totp?: string | undefined;
}

export interface LoginPorts {
  directory: DirectoryStore;
  signer: TokenSigner;
  clock: Clock;
  writeAudit: (e: AuditInput) => Promise<void>;
}

export interface RequestMeta {
  sourceIp: string;
  userAgent: string;
}

/** Failures from one address within 15 minutes before it must wait (slows down guessing). */
export const ADDRESS_FAILURE_LIMIT = 20;

const hhmm = (iso: string): string =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(11, 16); // Beijing time

export const userView = (u: Pick<StaffUser, 'id' | 'username' | 'displayName' | 'officeId' | 'roles'>, officeName: string, s: Pick<Session, 'mustChangePassword' | 'totpEnrolmentRequired'>): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  officeId: u.officeId,
  officeName,
  roles: u.roles,
  scopes: s.mustChangePassword || s.totpEnrolmentRequired ? ['session'] : grantedScopes(u.roles),
  mustChangePassword: s.mustChangePassword,
  totpEnrolmentRequired: s.totpEnrolmentRequired,
});

/**
 * 身份鉴别: password (scrypt), TOTP for privileged roles, lockout after 5 failures for 15
 * minutes, per-address slow-down, a 12-hour session. Every attempt is audited.
 */
export const login = async (input: LoginInput, meta: RequestMeta, ports: LoginPorts) => {
  const now = ports.clock();
  const window = `${now.toISOString().slice(0, 15)}${Math.floor(now.getUTCMinutes() / 15)}`;
  const audit = (result: 'success' | 'failure', detail: string, user?: StaffUser) =>
    ports.writeAudit({
      actor: user ? { userId: user.id, username: user.username, officeId: user.officeId } : { anonymous: input.username.slice(0, 64) },
      action: 'auth.login',
      target: { type: 'user', id: user?.id ?? input.username.slice(0, 64) },
      result,
      detail,
      ...meta,
    });
  const fail = async (detail: string, user?: StaffUser) => {
    await ports.directory.addressFailures(meta.sourceIp, window, true, Math.floor(now.getTime() / 1000) + 3600);
    await audit('failure', detail, user);
  };

  if ((await ports.directory.addressFailures(meta.sourceIp, window, false, 0)) >= ADDRESS_FAILURE_LIMIT) {
    await audit('failure', 'address throttled');
    throw new TooManyRequestsError('TOO_MANY_ATTEMPTS', '登录失败次数过多，请 15 分钟后再试');
  }

  const user = await ports.directory.userByUsername(input.username);
  if (!user || user.disabled) {
    await verifyPassword(await dummyHash(), input.password); // same work as a real check
    await fail(user ? 'disabled' : 'unknown user');
    throw new UnauthenticatedError('INVALID_CREDENTIALS', '用户名或密码错误');
  }
  if (user.lockedUntil && user.lockedUntil > now.toISOString()) {
    await audit('failure', 'locked', user);
    throw new LockedError('ACCOUNT_LOCKED', `连续输错密码 ${MAX_FAILED_LOGINS} 次，账户已锁定至 ${hhmm(user.lockedUntil)}（北京时间），请届时再试或联系管理员`, {
      lockedUntil: user.lockedUntil,
    });
  }

  const wrong = async (detail: string) => {
    const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
    const { locked } = await ports.directory.recordFailure(user.id, MAX_FAILED_LOGINS, lockUntil);
    await fail(locked ? `${detail}; locked` : detail, user);
  };

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await wrong('wrong password');
    throw new UnauthenticatedError('INVALID_CREDENTIALS', '用户名或密码错误');
  }

  const needsTotp = totpRequired(user.roles);
  if (needsTotp && user.totpSecret) {
    if (!input.totp) {
      await audit('failure', 'totp required', user);
      throw new UnauthenticatedError('TOTP_REQUIRED', '请输入动态口令（手机验证器上的 6 位数字）');
    }
    const step = totpStep(user.totpSecret, input.totp, now);
    if (step === null) {
      await wrong('wrong totp');
      throw new UnauthenticatedError('INVALID_TOTP', '动态口令错误，请核对手机验证器上的 6 位数字');
    }
    if (!(await ports.directory.useTotpStep(user.id, step))) {
      await audit('failure', 'totp replayed', user);
      throw new UnauthenticatedError('INVALID_TOTP', '该动态口令已使用过，请等待验证器显示新的 6 位数字');
    }
  }

  if (user.failedLogins > 0 || user.lockedUntil) await ports.directory.clearFailures(user.id);
  const office = await ports.directory.office(user.officeId);
  const session: Session = {
    id: randomUUID(),
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    officeId: user.officeId,
    roles: user.roles,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    endsAt: new Date(now.getTime() + ABSOLUTE_HOURS * 3_600_000).toISOString(),
    revoked: false,
    mustChangePassword: user.mustChangePassword,
    totpEnrolmentRequired: needsTotp && !user.totpSecret,
  };
  await ports.directory.transact([
    ports.directory.sessionPutItem(session),
    auditPut({ actor: { userId: user.id, username: user.username, officeId: user.officeId }, action: 'auth.login', target: { type: 'user', id: user.id }, result: 'success', ...meta }, now),
  ]);
  const token = await ports.signer.sign({ sub: user.id, sid: session.id, exp: Math.floor(new Date(session.endsAt).getTime() / 1000) });
  return { token, expiresAt: session.endsAt, user: userView(user, office?.name ?? user.officeId, session) };
};

/** The answer to a successful login (the web's session takes it). */
export type LoginResult = Awaited<ReturnType<typeof login>>;
