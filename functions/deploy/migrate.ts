import { customResourceHandler } from '../../shared/platform/http-custom-resource.ts';
import { logger } from '../../shared/log/logger.ts';
import { migrationPorts } from '../../shared/migrations/wiring.ts';
import { runMigrations } from '../../shared/migrations/run.ts';

/**
 * Custom::DataMigrations: on every deploy that brings new migrations or points the county at
 * other tables (a restore), runs the pending migrations after the new functions are in place.
 */
const ports = migrationPorts();

export const handler = customResourceHandler(async (event) => {
  const stack = event.StackId.split('/')[1] ?? 'stack';
  const reports = await runMigrations(
    ports,
    { command: 'deploy', operator: `cloudformation:${stack}` },
    { countyCode: process.env.COUNTY_CODE ?? '', dryRun: false },
    { sourceIp: 'cloudformation', userAgent: `Custom::DataMigrations ${event.RequestType}` },
  );
  logger.info('data migrations', { reports });
  const applied = reports.filter((r) => r.status === 'applied');
  return {
    reason: applied.length ? applied.map((r) => `${r.id}: ${r.changed}/${r.scanned}`).join('; ') : 'no pending migration',
    data: { Applied: applied.map((r) => r.id).join(',') },
  };
});
