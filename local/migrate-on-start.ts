import { hostname, userInfo } from 'node:os';
import { runMigrations, type MigrationReport } from '../shared/migrations/run.ts';
import { migrationPorts } from '../shared/migrations/wiring.ts';

/**
 * What a deploy's Custom::DataMigrations does, for `npm start`: data kept under .data/ from an
 * earlier checkout is brought to this release's shapes before anything reads it.
 */
export const migrateOnStart = async (countyCode: string): Promise<MigrationReport[]> =>
  runMigrations(
    migrationPorts(),
    { command: 'start', operator: `${userInfo().username}@${hostname()}` },
    { countyCode, dryRun: false },
    { sourceIp: hostname(), userAgent: 'npm start' },
  );
