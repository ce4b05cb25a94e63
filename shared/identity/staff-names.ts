import type { DirectoryStore } from './store.ts';

/**
 * Staff display names for reports, login name → name, of the given offices (statistics and the
 * dashboard's 按人员 rows). Someone who has left keeps their login name in the counters: callers
 * fall back to it, so the row still says who it was.
 */
export interface StaffNames {
  names(officeIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

/** The names of each office's users, read from the directory. */
export const directoryStaffNames = (directory: Pick<DirectoryStore, 'usersOfOffice'>): StaffNames => ({
  names: async (officeIds) =>
    new Map((await Promise.all([...new Set(officeIds)].map((id) => directory.usersOfOffice(id)))).flat().map((u) => [u.username, u.displayName])),
});

export const staticStaffNames = (names: Record<string, string>): StaffNames => ({ names: async () => new Map(Object.entries(names)) });
