import { randomUUID } from 'node:crypto';
import { TooManyRequestsError, UnauthenticatedError } from '../errors/domain-errors.ts';
import type { AuditLog } from '../audit/ports.ts';
import type { Clock } from '../platform/clock.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import type { DirectoryStore, TokenSigner } from './ports.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';
import { ADDRESS_FAILURE_LIMIT, addressWindow, attemptRule, lockedError } from './attempts.ts';
import { totpStep } from './totp.ts';
import { grantedScopes, totpRequired } from './policy.ts';
import { ABSOLUTE_HOURS, type Session, type StaffUser, type UserView } from './types.ts';

export interface LoginInput {
  username: string;
  password: string;
  totp?: string | undefined;
}

export interface LoginPorts {
  directory: DirectoryStore;
  signer: TokenSigner;
  clock: Clock;
  audit: AuditLog;
  /** The hash an unknown username is checked against (default: one of production cost). */
  dummyHash?: string;
}

const userActor = (u: StaffUser) => ({ userId: u.id, username: u.username, officeId: u.officeId, displayName: u.displayName });

export const userView = (
  u: Pick<StaffUser, 'id' | 'username' | 'displayName' | 'officeId' | 'roles'>,
  officeName: string,
  s: Pick<Session, 'mustChangePassword' | 'totpEnrolmentRequired'>,
): UserView => ({
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
 *
 * Attempts are taken BEFORE anything is checked (account first, then address): a burst of
 * parallel guesses gets as many checks as the limits allow, never one per request. An unknown
 * username takes attempts on a counter of its own and is checked against a dummy hash: the same
 * answers, the same lock, the same work as a real one.
 */
export const login = async (ports: LoginPorts, input: LoginInput, meta: RequestMeta) => {
  const now = ports.clock();
  const audit = (detail: string, user?: StaffUser) =>
    ports.audit.write({
      actor: user ? userActor(user) : { anonymous: input.username.slice(0, 64) },
      action: 'auth.login',
      target: { type: 'user', id: user?.id ?? input.username.slice(0, 64), ...(user ? { label: user.displayName } : {}) },
      result: 'failure',
      detail,
      ...meta,
    });

  const { attempt, user } = await ports.directory.takeLoginAttempt(input.username, attemptRule(now));
  if (!attempt.taken) {
    await audit('locked', user);
    throw lockedError(attempt.lockedUntil);
  }
  const subject = user ? { userId: user.id } : { username: input.username };
  const address = addressWindow(now);
  if (!(await ports.directory.takeAddressAttempt(meta.sourceIp, address.window, ADDRESS_FAILURE_LIMIT, address.expiresAt))) {
    // nothing was checked: the account's attempt goes back (someone else's spray must not lock it)
    await ports.directory.releaseAttempt(subject, attempt.generation);
    await audit('address throttled', user);
    throw new TooManyRequestsError('TOO_MANY_ATTEMPTS', '登录失败次数过多，请 15 分钟后再试');
  }
  /** The password was right: what was taken for it goes back (a success, or the TOTP step still to come). */
  const giveBack = (clear: boolean) =>
    Promise.all([
      clear ? ports.directory.clearAttempts(subject, attempt.generation) : ports.directory.releaseAttempt(subject, attempt.generation),
      ports.directory.releaseAddressAttempt(meta.sourceIp, address.window),
    ]);

  // a disabled user's own hash is checked too: same work, same answer
  const passwordOk = await verifyPassword(user?.passwordHash ?? ports.dummyHash ?? DUMMY_HASH, input.password);
  if (!user || user.disabled || !passwordOk) {
    await audit(!user ? 'unknown user' : user.disabled ? 'disabled' : 'wrong password', user);
    throw new UnauthenticatedError('INVALID_CREDENTIALS', '用户名或密码错误');
  }

  const needsTotp = totpRequired(user.roles);
  if (needsTotp && user.totpSecret) {
    if (!input.totp) {
      // nothing guessable was checked yet: the form asks for the code next
      await giveBack(false);
      // a step of the sign-in, not a failure: recorded as such (a password known to someone without the phone still shows)
      await ports.audit.write({
        actor: userActor(user),
        action: 'auth.login.password',
        target: { type: 'user', id: user.id, label: user.displayName },
        result: 'success',
        ...meta,
      });
      throw new UnauthenticatedError('TOTP_REQUIRED', '请输入动态口令（手机验证器上的 6 位数字）');
    }
    const step = totpStep(user.totpSecret, input.totp, now);
    if (step === null) {
      await audit('wrong totp', user);
      throw new UnauthenticatedError('INVALID_TOTP', '动态口令错误，请核对手机验证器上的 6 位数字');
    }
    if (!(await ports.directory.useTotpStep(user.id, step))) {
      await audit('totp replayed', user);
      throw new UnauthenticatedError('INVALID_TOTP', '该动态口令已使用过，请等待验证器显示新的 6 位数字');
    }
  }

  await giveBack(true);
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
  await ports.directory.commit(
    [{ op: 'put-session', session }],
    [{ actor: userActor(user), action: 'auth.login', target: { type: 'user', id: user.id, label: user.displayName }, result: 'success', ...meta }],
  );
  const token = await ports.signer.sign({ sub: user.id, sid: session.id, exp: Math.floor(new Date(session.endsAt).getTime() / 1000) });
  return { token, expiresAt: session.endsAt, user: userView(user, office?.name ?? user.officeId, session) };
};

/** The answer to a successful login (the web's session takes it). */
export type LoginResult = Awaited<ReturnType<typeof login>>;
