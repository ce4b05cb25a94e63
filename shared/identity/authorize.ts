import { UnauthenticatedError } from '../errors/domain-errors.ts';
import type { Clock } from '../platform/clock.ts';
import type { Principal } from './principal.ts';
import type { DirectoryStore, TokenSigner } from './ports.ts';
import { grantedScopes } from './policy.ts';
import { IDLE_MINUTES } from './types.ts';

/** How stale lastSeenAt may get before we write it again: one write a minute, not per request. */
const TOUCH_AFTER_MS = 60_000;

const sameRoles = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((r) => b.includes(r));

export interface AuthorizerPorts {
  directory: Pick<DirectoryStore, 'session' | 'userById' | 'commit'>;
  signer: TokenSigner;
  clock: Clock;
}

/**
 * The authorizer's use case: a valid signature is not enough — the session must exist, not be
 * revoked (logout), not be past 12 hours, not idle for more than 30 minutes, and its user must
 * be enabled, with the same roles, and not have revoked it (`sessionsValidAfter`). The user is
 * read by key (consistent), not through the sessions index.
 */
export const authorizeToken = async (ports: AuthorizerPorts, token: string): Promise<Principal> => {
  const deny = (why: string) => new UnauthenticatedError('UNAUTHENTICATED', `登录已失效，请重新登录（${why}）`);
  const now = ports.clock();
  let claims;
  try {
    claims = await ports.signer.verify(token, now);
  } catch {
    throw deny('令牌无效');
  }
  const [session, user] = await Promise.all([ports.directory.session(claims.sid), ports.directory.userById(claims.sub)]);
  if (!session || session.userId !== claims.sub || !user) throw deny('会话不存在');
  if (session.revoked) throw deny('已退出');
  if (user.disabled) throw deny('账户已停用');
  // password change, disable, role change, reset: every session from before is over
  if (user.sessionsValidAfter && (session.renewedAt ?? session.createdAt) < user.sessionsValidAfter) throw deny('账户已变更');
  if (!sameRoles(session.roles, user.roles)) throw deny('角色已变更');
  if (now.toISOString() >= session.endsAt) throw deny('超过 12 小时');
  const idleMs = now.getTime() - new Date(session.lastSeenAt).getTime();
  if (idleMs > IDLE_MINUTES * 60_000) throw deny(`超过 ${IDLE_MINUTES} 分钟未操作`);
  if (idleMs > TOUCH_AFTER_MS) await ports.directory.commit([{ op: 'update-session', id: session.id, set: { lastSeenAt: now.toISOString() } }], []);

  const limited = session.mustChangePassword || session.totpEnrolmentRequired;
  return {
    userId: session.userId,
    username: session.username,
    displayName: session.displayName,
    officeId: session.officeId,
    roles: session.roles,
    scopes: limited ? ['session'] : grantedScopes(session.roles),
    sessionId: session.id,
  };
};
