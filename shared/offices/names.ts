import type { OfficeDirectory } from './offices.ts';

/** Office names for reports (statistics, disclosure, feed): the directory's offices, id → name. */
export interface OfficeNames {
  names(): Promise<ReadonlyMap<string, string>>;
}

/** The names of the county's offices, read from the office tree (dynamo-offices.ts keeps it). */
export const officeNamesOf = (offices: OfficeDirectory): OfficeNames => ({ names: async () => new Map((await offices.all()).map((o) => [o.id, o.name])) });

export const staticOfficeNames = (names: Record<string, string>): OfficeNames => ({ names: async () => new Map(Object.entries(names)) });

/**
 * Staff display names for reports, login name → name, of the given offices (statistics and the
 * dashboard's 按人员 rows). Someone who has left keeps their login name in the counters: callers
 * fall back to it, so the row still says who it was.
 */
export interface StaffNames {
  names(officeIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

/** The names of each office's users, read from the staff directory (identity's, by its shape). */
export const directoryStaffNames = (directory: { usersOfOffice(officeId: string): Promise<Array<{ username: string; displayName: string }>> }): StaffNames => ({
  names: async (officeIds) =>
    new Map((await Promise.all([...new Set(officeIds)].map((id) => directory.usersOfOffice(id)))).flat().map((u) => [u.username, u.displayName])),
});

export const staticStaffNames = (names: Record<string, string>): StaffNames => ({ names: async () => new Map(Object.entries(names)) });
