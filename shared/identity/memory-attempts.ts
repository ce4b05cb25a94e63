import { NotFoundError } from '../errors/domain-errors.ts';
import type { Attempt, AttemptRule, AttemptSubject, LoginAttempts } from './ports.ts';
import type { StaffUser } from './types.ts';

type Counter = Pick<StaffUser, 'failedLogins' | 'lockedUntil' | 'attemptGen'>;

/**
 * LoginAttempts in memory for unit tests, on the users of a memory directory (the counters live on
 * the user records, as in the table): the same rules as dynamo-attempts.ts's conditional updates.
 */
export const memoryAttempts = (users: ReadonlyMap<string, StaffUser>, idOfName: (username: string) => string | undefined): LoginAttempts => {
  const addressCounts = new Map<string, number>();
  const unknownCounters = new Map<string, Counter>();

  /** The same rule as the DynamoDB adapter's conditional updates (see takeAttempt there). */
  const take = (c: Counter, rule: AttemptRule): Attempt => {
    c.attemptGen ??= 0;
    if ((c.failedLogins ?? 0) < rule.max) {
      c.failedLogins = (c.failedLogins ?? 0) + 1;
      c.lockedUntil = rule.lockUntil;
      return { taken: true, generation: c.attemptGen };
    }
    if (c.lockedUntil && c.lockedUntil > rule.now) return { taken: false, lockedUntil: c.lockedUntil };
    // the lock is over: this attempt starts a new generation
    c.attemptGen += 1;
    c.failedLogins = 1;
    c.lockedUntil = rule.lockUntil;
    return { taken: true, generation: c.attemptGen };
  };
  /** The counter of a subject, or undefined for a user who does not exist (never created, as in the table). */
  const counterOf = (subject: AttemptSubject): Counter | undefined => {
    if ('userId' in subject) return users.get(subject.userId);
    const key = subject.username.toLowerCase();
    if (!unknownCounters.has(key)) unknownCounters.set(key, { failedLogins: 0 });
    return unknownCounters.get(key)!;
  };

  return {
    takeLoginAttempt: async (username, rule) => {
      const id = idOfName(username);
      const user = id ? users.get(id) : undefined;
      if (user) return { attempt: take(user, rule), user: structuredClone(user) };
      return { attempt: take(counterOf({ username })!, rule) };
    },
    takeUserAttempt: async (userId, rule) => {
      const user = users.get(userId);
      if (!user) throw new NotFoundError('用户不存在');
      return take(user, rule);
    },
    clearAttempts: async (subject, generation) => {
      // as the adapter's condition `attemptGen = :g`: a counter no attempt was taken on has no generation
      const c = counterOf(subject);
      if (!c || c.attemptGen !== generation) return;
      c.failedLogins = 0;
      c.attemptGen = generation + 1;
      delete c.lockedUntil;
    },
    releaseAttempt: async (subject, generation) => {
      const c = counterOf(subject);
      if (c && c.attemptGen === generation && (c.failedLogins ?? 0) > 0) c.failedLogins -= 1;
    },
    takeAddressAttempt: async (ip, window, limit) => {
      const key = `${ip}#${window}`;
      const n = addressCounts.get(key) ?? 0;
      if (n >= limit) return false;
      addressCounts.set(key, n + 1);
      return true;
    },
    releaseAddressAttempt: async (ip, window) => {
      const key = `${ip}#${window}`;
      const n = addressCounts.get(key) ?? 0;
      if (n > 0) addressCounts.set(key, n - 1);
    },
    useTotpStep: async (userId, step) => {
      const u = users.get(userId);
      if (!u || (u.totpLastStep !== undefined && u.totpLastStep >= step)) return false;
      u.totpLastStep = step;
      return true;
    },
  };
};
