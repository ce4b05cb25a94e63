import { bjHourMinute } from '../platform/beijing-time.ts';
import { LockedError } from '../errors/domain-errors.ts';
import type { AttemptRule } from './ports.ts';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from './types.ts';

/** The rule for taking a login (or password-check) attempt now: 5 per generation, then 15 minutes locked. */
export const attemptRule = (now: Date): AttemptRule => ({
  now: now.toISOString(),
  lockUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString(),
  max: MAX_FAILED_LOGINS,
});

export const lockedError = (lockedUntil: string): LockedError =>
  new LockedError('ACCOUNT_LOCKED', `连续输错密码 ${MAX_FAILED_LOGINS} 次，账户已锁定至 ${bjHourMinute(lockedUntil)}（北京时间），请届时再试或联系管理员`, {
    lockedUntil,
  });

/** Attempts from one source address within a 15-minute window before it must wait (slows down spraying). */
export const ADDRESS_FAILURE_LIMIT = 20;
const WINDOW_MS = 15 * 60_000;

/** The address window: one per quarter hour, [hh:00, hh:15) …; kept an hour after it ends. */
export const addressWindow = (now: Date): { window: string; expiresAt: number } => {
  const n = Math.floor(now.getTime() / WINDOW_MS);
  return { window: String(n), expiresAt: ((n + 1) * WINDOW_MS) / 1000 + 3600 };
};
