import type { Role } from './scopes.ts';

export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  officeId: string;
  roles: Role[];
  passwordHash: string;
  mustChangePassword: boolean;
  totpSecret?: string;
  /** Secret shown at enrolment, active once a code from it is confirmed. */
  pendingTotpSecret?: string;
  disabled: boolean;
  /** Time step of the last TOTP code accepted: a code works once (no replay within its window). */
  totpLastStep?: number;
  failedLogins: number;
  lockedUntil?: string;
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
