import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCountyConfig } from '../../infra/config/county-config.ts';
import { ROOT } from '../../local/modules.ts';
import type { TableId } from '../../shared/platform/tables.ts';

/**
 * Edits a county's config file in place (2-space JSON, as written by hand), validating the
 * result first: a command never leaves a config the CDK app would refuse.
 */
export const countiesDir = (): string => process.env.BIANMIN_COUNTIES_DIR ?? join(ROOT, 'infra', 'counties');

export const setRestoredTable = (code: string, tableId: TableId, name: string, dir = countiesDir()): string => {
  const file = join(dir, `${code}.json`);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { restoredTables?: Record<string, string> };
  const next = { ...raw, restoredTables: { ...(raw.restoredTables ?? {}), [tableId]: name } };
  parseCountyConfig(next, file);
  writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
  return file;
};
