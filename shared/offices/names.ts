import type { OfficeDirectory, OfficeNames, StaffNames } from './ports.ts';

/** The names of the county's offices, read from the office tree (dynamo-offices.ts keeps it). */
export const officeNamesOf = (offices: OfficeDirectory): OfficeNames => ({ names: async () => new Map((await offices.all()).map((o) => [o.id, o.name])) });

/** The names of each office's users, read from the staff directory (identity's, by its shape). */
export const directoryStaffNames = (directory: { usersOfOffice(officeId: string): Promise<Array<{ username: string; displayName: string }>> }): StaffNames => ({
  names: async (officeIds) =>
    new Map((await Promise.all([...new Set(officeIds)].map((id) => directory.usersOfOffice(id)))).flat().map((u) => [u.username, u.displayName])),
});
