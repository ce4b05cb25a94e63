import type { NetworkOffice } from './offices.ts';
import type { OfficeDirectory } from './ports.ts';

/** The office tree from a list (unit tests, the bench): a frozen copy, as the adapter keeps it. */
export const memoryOffices = (offices: readonly NetworkOffice[]): OfficeDirectory => {
  const tree = Object.freeze(offices.map((o) => Object.freeze({ ...o })));
  return { all: async () => tree };
};
