import { systemClock } from '../platform/clock.ts';
import { dynamoMigrationStore } from './dynamo-migrations.ts';
import { MIGRATIONS } from './registry.ts';
import type { MigrationPorts } from './run.ts';

/** The migration run's ports (the deploy's custom resource, `npm run migrate`, `npm start`): the county's tables, every registered migration. */
export const migrationPorts = (): MigrationPorts => ({ store: dynamoMigrationStore(), clock: systemClock, migrations: MIGRATIONS });
