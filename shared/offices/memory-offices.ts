import type { NetworkOffice, OfficeDirectory } from './offices.ts';

/** The office tree from a list (unit tests, the bench). */
export const memoryOffices = (offices: readonly NetworkOffice[]): OfficeDirectory => ({ all: async () => offices });
