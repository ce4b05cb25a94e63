import type { AuditInput } from '../audit/audit.ts';
import type { OfficeRecord, Session, StaffUser } from './types.ts';

/*
 * The identity context's ports, types only. Each has its adapter and an in-memory fake passing one
 * contract (test/unit/identity/*-contract.ts: on the fakes in unit tests, on DynamoDB Local in
 * test/integration/identity/ports.test.ts).
 */

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
 * The directory's records: offices, staff users, sessions (DynamoDB in dynamo-directory.ts, in
 * memory in memory-directory.ts; D1–D5 in shared/db/AccessPatterns.md).
 */
export interface DirectoryRecords {
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
}

/**
 * The login counters, kept on the user records and on items of their own (DynamoDB in
 * dynamo-attempts.ts, in memory in memory-attempts.ts): each one conditional update, never
 * read-modify-write. A counter of a user who does not exist is never created.
 */
export interface LoginAttempts {
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

/** The directory port the use cases take: its records and its counters, on one table. */
export interface DirectoryStore extends DirectoryRecords, LoginAttempts {}

/** The admin `npm run admin:create` made (first-admin.ts): one per county, replaced only with --force. */
export interface FirstAdminMark {
  userId: string;
  username: string;
  createdAt: string;
}

/** The first-admin command's store: DynamoDB in dynamo-first-admin.ts, in memory in memory-first-admin.ts. */
export interface FirstAdminStore {
  offices(): Promise<OfficeRecord[]>;
  /** Creates or replaces these offices, with the audit events; idempotent. */
  putOffices(offices: readonly OfficeRecord[], audit: readonly AuditInput[]): Promise<void>;
  userByUsername(username: string): Promise<StaffUser | undefined>;
  /** The admin the command made before, if any. */
  firstAdmin(): Promise<FirstAdminMark | undefined>;
  /**
   * The user (unique username), the mark (on condition that it is still `replacing`, or absent)
   * and the audit events, all-or-nothing. ConflictError USERNAME_TAKEN when the name is taken,
   * RuleError ADMIN_EXISTS when another run marked its admin meanwhile.
   */
  createFirstAdmin(user: StaffUser, mark: FirstAdminMark, replacing: FirstAdminMark | undefined, audit: readonly AuditInput[]): Promise<void>;
}

/**
 * Session tokens: ES256 JWTs. In AWS the private key never leaves KMS, locally a dev key pair is
 * kept under .data/ (both in kms-token-signer.ts); unit tests sign with a key in memory
 * (memory-token-signer.ts).
 */
export interface TokenClaims {
  sub: string;
  sid: string;
  exp: number;
}

export interface TokenSigner {
  sign(claims: TokenClaims): Promise<string>;
  /** Checks signature, issuer and expiry at `now` (the caller's clock). */
  verify(token: string, now: Date): Promise<TokenClaims>;
}
