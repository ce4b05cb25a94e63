import { hostname, userInfo } from 'node:os';
import { dynamoMigrationStore } from '../shared/migrations/dynamo-migrations.ts';
import { MIGRATIONS } from '../shared/migrations/registry.ts';
import { runMigrations, type MigrationReport } from '../shared/migrations/run.ts';
import { systemClock } from '../shared/platform/clock.ts';

/**
 * What a deploy's Custom::DataMigrations does, for `npm start`: data kept under .data/ from an
 * earlier checkout is brought to this release's shapes before anything reads it.
 */
export const migrateOnStart = async (countyCode: string): Promise<MigrationReport[]> =>
  runMigrations(
    { store: dynamoMigrationStore(), clock: systemClock, migrations: MIGRATIONS },
    { command: 'start', operator: `${userInfo().username}@${hostname()}` },
    { countyCode, dryRun: false },
    { sourceIp: hostname(), userAgent: 'npm start' },
  );
