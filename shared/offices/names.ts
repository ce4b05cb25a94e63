import type { OfficeDirectory } from './offices.ts';

/** Office names for reports (statistics, disclosure, feed): the directory's offices, id → name. */
export interface OfficeNames {
  names(): Promise<ReadonlyMap<string, string>>;
}

/** The names of the county's offices, read from the office tree (dynamo-offices.ts keeps it). */
export const officeNamesOf = (offices: OfficeDirectory): OfficeNames => ({ names: async () => new Map((await offices.all()).map((o) => [o.id, o.name])) });

export const staticOfficeNames = (names: Record<string, string>): OfficeNames => ({ names: async () => new Map(Object.entries(names)) });

/** Staff display names for reports, login name → name, of the given offices (the statistics' staff rows). */
export interface StaffNames {
  names(officeIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

export const staticStaffNames = (names: Record<string, string>): StaffNames => ({ names: async () => new Map(Object.entries(names)) });
