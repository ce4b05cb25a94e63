import type { OfficeDirectory } from '../network/offices.ts';

/** Office names for reports (statistics, disclosure, feed): the directory's offices, id → name. */
export interface OfficeNames {
  names(): Promise<ReadonlyMap<string, string>>;
}

/** The names of the county's offices, read from the office tree (network/dynamo-offices.ts keeps it). */
export const officeNamesOf = (offices: OfficeDirectory): OfficeNames => ({ names: async () => new Map((await offices.all()).map((o) => [o.id, o.name])) });

export const staticOfficeNames = (names: Record<string, string>): OfficeNames => ({ names: async () => new Map(Object.entries(names)) });
