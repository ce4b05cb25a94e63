import { catalogSearchFields } from './0001-catalog-search-fields.ts';
import type { Migration } from './migration.ts';

/** Every migration of every release, in id order. Append; never edit or remove a shipped one. */
export const MIGRATIONS: readonly Migration[] = [catalogSearchFields];
