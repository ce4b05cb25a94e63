import type { AuditInput } from '../audit/audit.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import type { OfficeRecord, Session, StaffUser } from './types.ts';

/** What a session may change after it is written (activity, logout, the first-login steps). */
export type SessionChange = Partial<Pick<Session, 'lastSeenAt' | 'revoked' | 'mustChangePassword' | 'totpEnrolmentRequired' | 'renewedAt'>>;

/**
 * Login attempts are TAKEN before the secret is checked (one conditional update: fewer than
 * `max` taken and not locked → one more), so a burst of N parallel guesses gets `max` checks, not N.
 * Taking the `max`-th attempt arms the lock until `lockUntil`; a success clears the count.
 */
export interface AttemptRule {
  now: string;
  lockUntil: string;
  max: number;
}
export type Attempt = { taken: true; generation: number } | { taken: false; lockedUntil: string };
/** Whose attempts: a user, or a username no user has (so unknown names lock like real ones). */
export type AttemptSubject = { userId: string } | { username: string };

/** One write of a directory change; each carries its own condition, checked all-or-nothing. */
export type DirectoryWrite =
  /** Condition: the username (case-insensitive) and the id are not taken. */
  | { op: 'create-user'; user: StaffUser }
  /**
   * Condition: the stored user's updatedAt is `expectedUpdatedAt` (nobody changed it since it was
   * read). Writes the record's own fields; the counters the store keeps atomically (failed
   * logins, lock, last TOTP step) are never overwritten by it, except that `clearFailures` ends
   * a lock and zeroes the attempts in a new generation (an admin's password reset).
   */
  | { op: 'update-user'; user: StaffUser; expectedUpdatedAt: string; clearFailures?: boolean }
  /** Condition on 'create': the office id is new ('upsert' is for seeding from the county config). */
  | { op: 'put-office'; office: OfficeRecord; mode: 'create' | 'upsert' }
  | { op: 'put-session'; session: Session }
  /** Condition: the session exists. */
  | { op: 'update-session'; id: string; set: SessionChange };

/**
 * The directory's persistence port: offices, staff users, sessions and the login counters
 * (DynamoDB in dynamo-directory.ts, in memory in memory-directory.ts; D1–D5 in
 * shared/db/AccessPatterns.md).
 */
export interface DirectoryStore {
  userById(id: string): Promise<StaffUser | undefined>;
  userByUsername(username: string): Promise<StaffUser | undefined>;
  usersOfOffice(officeId: string): Promise<StaffUser[]>;
  office(id: string): Promise<OfficeRecord | undefined>;
  offices(): Promise<OfficeRecord[]>;
  session(id: string): Promise<Session | undefined>;
  sessionsOf(userId: string): Promise<Session[]>;
  /**
   * Writes all or nothing, with the audit events that record them. Throws the ConflictError of
   * the first write whose condition failed (`conflictOf`). One record at most once per commit
   * (DynamoDB refuses two operations on one item in a transaction).
   */
  commit(writes: readonly DirectoryWrite[], audits: readonly AuditInput[]): Promise<void>;

  // atomic counters: each one conditional update, never read-modify-write
  /**
   * Takes an attempt for a username: the user's own counter if the name exists, else a counter
   * of that name (same answers, same work). Returns the user as stored after the take.
   */
  takeLoginAttempt(username: string, rule: AttemptRule): Promise<{ attempt: Attempt; user?: StaffUser }>;
  /** Takes an attempt on a known user (password change). */
  takeUserAttempt(userId: string, rule: AttemptRule): Promise<Attempt>;
  /** A success: zeroes the count, only if no newer generation began since `generation`. */
  clearAttempts(subject: AttemptSubject, generation: number): Promise<void>;
  /** Gives back an attempt that checked nothing guessable (the right password, the TOTP code not yet sent). */
  releaseAttempt(subject: AttemptSubject, generation: number): Promise<void>;
  /** Takes one attempt of a source address in a window; false when `limit` are taken already. */
  takeAddressAttempt(ip: string, window: string, limit: number, expiresAt: number): Promise<boolean>;
  /** Gives an address attempt back (the login succeeded). */
  releaseAddressAttempt(ip: string, window: string): Promise<void>;
  /** Records the TOTP step as used; false if this step (or a later one) was used already. */
  useTotpStep(userId: string, step: number): Promise<boolean>;
}

/** The answer when a write's condition fails: the same words from every adapter. */
export const conflictOf = (w: DirectoryWrite): ConflictError => {
  switch (w.op) {
    case 'create-user':
      return new ConflictError('USERNAME_TAKEN', `用户名 ${w.user.username} 已被使用`);
    case 'update-user':
      return new ConflictError('USER_CHANGED', '该用户刚被他人修改，请刷新后重试');
    case 'put-office':
      return new ConflictError('OFFICE_EXISTS', `机构编号 ${w.office.id} 已存在`);
    case 'put-session':
    case 'update-session':
      return new ConflictError('SESSION_GONE', '会话已不存在，请重新登录');
  }
};

/** The record a write touches, to refuse a commit that names one twice. */
export const recordOf = (w: DirectoryWrite): string => {
  switch (w.op) {
    case 'create-user':
      return `user:${w.user.id}`;
    case 'update-user':
      return `user:${w.user.id}`;
    case 'put-office':
      return `office:${w.office.id}`;
    case 'put-session':
      return `session:${w.session.id}`;
    case 'update-session':
      return `session:${w.id}`;
  }
};

/** Fields of a user the store keeps with atomic updates, never with the record. */
export const USER_COUNTERS = ['failedLogins', 'lockedUntil', 'attemptGen', 'totpLastStep'] as const;
