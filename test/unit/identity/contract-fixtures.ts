import { randomUUID } from 'node:crypto';
import type { AttemptRule } from '../../../shared/identity/ports.ts';
import type { StaffUser } from '../../../shared/identity/types.ts';

/** What the directory's and the login counters' contracts share: an instant, the lockout rule, a fresh user, a refusal's code. */
export const T0 = '2026-11-22T01:00:00.000Z';
export const rule = (now: string): AttemptRule => ({ now, lockUntil: new Date(new Date(now).getTime() + 15 * 60_000).toISOString(), max: 5 });
export const newUser = (over: Partial<StaffUser> = {}): StaffUser => ({
  id: randomUUID(),
  username: `u${randomUUID().slice(0, 8)}`,
  displayName: '测试',
  officeId: '411521-lingshan',
  roles: ['window_clerk'],
  passwordHash: 'scrypt$1024$8$1$x$y',
  mustChangePassword: false,
  disabled: false,
  failedLogins: 0,
  createdAt: T0,
  updatedAt: T0,
  ...over,
});
export const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? 'error',
  );
