import type { OfficeNames, StaffNames } from './ports.ts';

/** Fixed office names for unit tests (id → name). */
export const staticOfficeNames = (names: Record<string, string>): OfficeNames => ({ names: async () => new Map(Object.entries(names)) });

/** Fixed staff names for unit tests (login name → name). */
export const staticStaffNames = (names: Record<string, string>): StaffNames => ({ names: async () => new Map(Object.entries(names)) });
