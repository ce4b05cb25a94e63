/** Office names for reports (statistics, disclosure, feed): the directory's offices, id → name. */
export interface OfficeNames {
  names(): Promise<ReadonlyMap<string, string>>;
}

export const staticOfficeNames = (names: Record<string, string>): OfficeNames => ({ names: async () => new Map(Object.entries(names)) });
