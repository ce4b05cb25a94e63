import { systemClock } from '../platform/clock.ts';
import { dynamoMigrationStore } from './dynamo-migrations.ts';
import { MIGRATIONS } from './registry.ts';

/** The deploy's migration run: the migrations table, every registered migration. */
export const migrationPorts = () => ({ store: dynamoMigrationStore(), clock: systemClock, migrations: MIGRATIONS });
