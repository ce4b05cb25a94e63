import type { AuditInput } from '../audit/audit.ts';
import { conflictOf, recordOf, USER_COUNTERS } from './directory-writes.ts';
import { memoryAttempts } from './memory-attempts.ts';
import type { DirectoryStore, DirectoryWrite } from './ports.ts';
import type { OfficeRecord, Session, StaffUser } from './types.ts';

/** DirectoryStore in memory for unit tests: the DynamoDB adapter's conditions, all-or-nothing commits; the counters in memory-attempts.ts. */
export interface MemoryDirectory extends DirectoryStore {
  /** Audit events committed with directory changes. */
  readonly audits: AuditInput[];
  /** Raw state, for tests that set up or inspect records directly. */
  readonly users: Map<string, StaffUser>;
  readonly sessions: Map<string, Session>;
  readonly officeMap: Map<string, OfficeRecord>;
}

const clone = <T>(v: T): T => structuredClone(v);

export const memoryDirectory = (seed: { offices?: OfficeRecord[]; users?: StaffUser[] } = {}): MemoryDirectory => {
  const users = new Map<string, StaffUser>();
  const usernames = new Map<string, string>();
  const officeMap = new Map<string, OfficeRecord>();
  const sessions = new Map<string, Session>();
  const audits: AuditInput[] = [];
  for (const o of seed.offices ?? []) officeMap.set(o.id, clone(o));
  for (const u of seed.users ?? []) {
    users.set(u.id, clone(u));
    usernames.set(u.username.toLowerCase(), u.id);
  }

  const check = (w: DirectoryWrite): boolean => {
    switch (w.op) {
      case 'create-user':
        return !usernames.has(w.user.username.toLowerCase()) && !users.has(w.user.id);
      case 'update-user':
        return users.get(w.user.id)?.updatedAt === w.expectedUpdatedAt;
      case 'put-office':
        return w.mode === 'upsert' || !officeMap.has(w.office.id);
      case 'put-session':
        return true;
      case 'update-session':
        return sessions.has(w.id);
    }
  };

  const apply = (w: DirectoryWrite): void => {
    switch (w.op) {
      case 'create-user':
        users.set(w.user.id, clone(w.user));
        usernames.set(w.user.username.toLowerCase(), w.user.id);
        return;
      case 'update-user': {
        // the counters stay as the store has them
        const old = users.get(w.user.id)!;
        const next = clone(w.user) as unknown as Record<string, unknown>;
        for (const k of USER_COUNTERS) {
          if (old[k] === undefined) delete next[k];
          else next[k] = old[k];
        }
        if (w.clearFailures) {
          next.failedLogins = 0;
          next.attemptGen = (old.attemptGen ?? 0) + 1;
          delete next.lockedUntil;
        }
        users.set(w.user.id, next as unknown as StaffUser);
        return;
      }
      case 'put-office':
        officeMap.set(w.office.id, clone(w.office));
        return;
      case 'put-session':
        sessions.set(w.session.id, clone(w.session));
        return;
      case 'update-session':
        Object.assign(sessions.get(w.id)!, clone(w.set));
        return;
    }
  };

  return {
    audits,
    users,
    sessions,
    officeMap,
    userById: async (id) => clone(users.get(id)),
    userByUsername: async (username) => {
      const id = usernames.get(username.toLowerCase());
      return id ? clone(users.get(id)) : undefined;
    },
    usersOfOffice: async (officeId) =>
      [...users.values()]
        .filter((u) => u.officeId === officeId)
        .sort((a, b) => a.username.localeCompare(b.username))
        .map(clone),
    office: async (id) => clone(officeMap.get(id)),
    offices: async () => [...officeMap.values()].map(clone),
    session: async (id) => clone(sessions.get(id)),
    sessionsOf: async (userId) => [...sessions.values()].filter((s) => s.userId === userId).map(clone),
    commit: async (writes, auditInputs) => {
      if (new Set(writes.map(recordOf)).size < writes.length) throw new Error('a commit names one record twice');
      const failed = writes.find((w) => !check(w));
      if (failed) throw conflictOf(failed);
      writes.forEach(apply);
      audits.push(...auditInputs.map(clone));
    },

    ...memoryAttempts(users, (username) => usernames.get(username.toLowerCase())),
  };
};
