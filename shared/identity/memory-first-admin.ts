import type { AuditInput } from '../audit/audit.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import type { FirstAdminStore } from './first-admin.ts';
import type { OfficeRecord, StaffUser } from './types.ts';

/** FirstAdminStore in memory for unit tests: unique usernames (case-insensitive), all-or-nothing units. */
export interface MemoryFirstAdminStore extends FirstAdminStore {
  readonly users: Map<string, StaffUser>;
  readonly officeMap: Map<string, OfficeRecord>;
  readonly audits: AuditInput[];
}

export const memoryFirstAdminStore = (seed: { offices?: OfficeRecord[]; users?: StaffUser[] } = {}): MemoryFirstAdminStore => {
  const officeMap = new Map((seed.offices ?? []).map((o) => [o.id, structuredClone(o)]));
  const users = new Map((seed.users ?? []).map((u) => [u.id, structuredClone(u)]));
  const audits: AuditInput[] = [];
  const byName = (name: string) => [...users.values()].find((u) => u.username.toLowerCase() === name.toLowerCase());
  return {
    users,
    officeMap,
    audits,
    offices: async () => [...officeMap.values()].map((o) => structuredClone(o)),
    putOffices: async (offices, audit) => {
      for (const o of offices) officeMap.set(o.id, structuredClone(o));
      audits.push(...audit);
    },
    usersOfOffice: async (officeId) => [...users.values()].filter((u) => u.officeId === officeId).map((u) => structuredClone(u)),
    userByUsername: async (username) => structuredClone(byName(username)),
    createUser: async (user, audit) => {
      if (byName(user.username) || users.has(user.id)) throw new ConflictError('USERNAME_TAKEN', `用户名 ${user.username} 已被使用`);
      users.set(user.id, structuredClone(user));
      audits.push(...audit);
    },
  };
};
