import type { Role } from '../platform/scopes.ts';

export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  officeId: string;
  roles: Role[];
  passwordHash: string;
  /** Hashes of the passwords before the current one, newest first (password-rules.ts: none of the last 5 again). */
  passwordHistory?: string[];
  mustChangePassword: boolean;
  totpSecret?: string;
  /** Secret shown at enrolment, active once a code from it is confirmed. */
  pendingTotpSecret?: string;
  disabled: boolean;
  /** Time step of the last TOTP code accepted: a code works once (no replay within its window). */
  totpLastStep?: number;
  /**
   * Login attempts taken (before checking) since the last success or reset. At
   * MAX_FAILED_LOGINS the account is locked until `lockedUntil`.
   */
  failedLogins: number;
  /** The end of the lock the latest attempt would start; a lock only while failedLogins ≥ 5. */
  lockedUntil?: string;
  /** Bumped by every success, reset and lock restart: a late success clears only its own attempts. */
  attemptGen?: number;
  /** Sessions that began (or re-proved the password) before this are over: password change, disable, role change, reset. */
  sessionsValidAfter?: string;
  createdAt: string;
  updatedAt: string;
}

export interface Session {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  officeId: string;
  roles: Role[];
  createdAt: string;
  lastSeenAt: string;
  /** Absolute end (12 h after login). */
  endsAt: string;
  /** When the password was last proved in this session (a password change renews it); else createdAt. */
  renewedAt?: string;
  revoked: boolean;
  /** Until cleared, the session holds only the `session` scope. */
  mustChangePassword: boolean;
  totpEnrolmentRequired: boolean;
}

export interface OfficeRecord {
  id: string;
  name: string;
  kind: 'county_center' | 'department' | 'township' | 'village';
  parentId: string | null;
  demo?: boolean;
}

/** What the web receives about the signed-in user (never hashes or secrets). */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  officeId: string;
  officeName: string;
  roles: Role[];
  scopes: string[];
  mustChangePassword: boolean;
  totpEnrolmentRequired: boolean;
}

export const IDLE_MINUTES = 30;
export const ABSOLUTE_HOURS = 12;
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

/** Locked: all attempts of the current generation used, and the lock not yet over. */
export const isLocked = (u: Pick<StaffUser, 'failedLogins' | 'lockedUntil'>, now: Date): boolean =>
  (u.failedLogins ?? 0) >= MAX_FAILED_LOGINS && Boolean(u.lockedUntil && u.lockedUntil > now.toISOString());
