import type { AuditInput } from '../audit/audit.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import { adminExists } from './first-admin.ts';
import type { FirstAdminMark, FirstAdminStore } from './ports.ts';
import type { OfficeRecord, StaffUser } from './types.ts';

/** FirstAdminStore in memory for unit tests: unique usernames (any case), the mark's condition, all-or-nothing units. */
export interface MemoryFirstAdminStore extends FirstAdminStore {
  readonly users: Map<string, StaffUser>;
  readonly officeMap: Map<string, OfficeRecord>;
  readonly audits: AuditInput[];
  mark: FirstAdminMark | undefined;
}

export const memoryFirstAdminStore = (seed: { offices?: OfficeRecord[]; users?: StaffUser[]; mark?: FirstAdminMark } = {}): MemoryFirstAdminStore => {
  const officeMap = new Map((seed.offices ?? []).map((o) => [o.id, structuredClone(o)]));
  const users = new Map((seed.users ?? []).map((u) => [u.id, structuredClone(u)]));
  const audits: AuditInput[] = [];
  const byName = (name: string) => [...users.values()].find((u) => u.username.toLowerCase() === name.toLowerCase());
  const store: MemoryFirstAdminStore = {
    users,
    officeMap,
    audits,
    mark: seed.mark,
    offices: async () => [...officeMap.values()].map((o) => structuredClone(o)),
    putOffices: async (offices, audit) => {
      for (const o of offices) officeMap.set(o.id, structuredClone(o));
      audits.push(...audit);
    },
    userByUsername: async (username) => structuredClone(byName(username)),
    firstAdmin: async () => structuredClone(store.mark),
    createFirstAdmin: async (user, mark, replacing, audit) => {
      // the mark first, as the adapter's conditional put of it comes before the user's
      // (replacing a mark that is not there is refused too: the adapter's condition names the mark it replaces)
      if (store.mark?.userId !== replacing?.userId) throw adminExists(store.mark ?? mark);
      if (byName(user.username) || users.has(user.id)) throw new ConflictError('USERNAME_TAKEN', `用户名 ${user.username} 已被使用`);
      users.set(user.id, structuredClone(user));
      store.mark = structuredClone(mark);
      audits.push(...audit);
    },
  };
  return store;
};
