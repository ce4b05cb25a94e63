import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CountyConfig } from '../infra/config/county-config.ts';

/** What a bench gets while the emulators run. */
export interface BenchCounty {
  /** The demo county's configuration (infra/counties/411521.json). */
  county: CountyConfig;
  /** A scratch directory (dev key files), removed afterwards. */
  dataDir: string;
  endpoints: { dynamodb: string; fauxqs: string; region: string };
  /**
   * Creates the county's resources under a fresh prefix and points process.env (and the cached
   * runtime config and clients) at them, as the local platform does; returns that environment.
   */
  useCounty(extra?: Record<string, string>): Promise<Record<string, string>>;
}

/**
 * Runs `fn` against DynamoDB Local and fauxqs started for it, then restores process.env and stops
 * both, whatever happened. One place for what every bench against the emulators needs.
 */
export const withEmulators = async <T>(label: string, fn: (b: BenchCounty) => Promise<T>): Promise<T> => {
  // imported here, so a bench that never touches the emulators does not load the local platform
  const [{ startDynamoLocal }, { startFauxqs }, { freePort }, { applyEnv, localFunctionEnv }, { loadCountyConfig }] = await Promise.all([
    import('../local/dynamo-local.ts'),
    import('../local/fauxqs.ts'),
    import('../local/free-port.ts'),
    import('../local/env.ts'),
    import('../infra/config/county-config.ts'),
  ]);
  const ddb = await startDynamoLocal({ port: await freePort() });
  const fauxqs = await startFauxqs({ port: 0, region: 'cn-north-1' });
  const dataDir = mkdtempSync(join(tmpdir(), `bianmin-bench-${label}-`));
  const saved = { ...process.env };
  const endpoints = { dynamodb: ddb.endpoint, fauxqs: fauxqs.endpoint, region: 'cn-north-1' };
  const county = loadCountyConfig('411521');
  try {
    return await fn({
      county,
      dataDir,
      endpoints,
      useCounty: async (extra = {}) => {
        const env = {
          ...(await localFunctionEnv({ county, prefix: `${label}${randomBytes(3).toString('hex')}`, endpoints, dataDir })),
          POWERTOOLS_LOG_LEVEL: 'ERROR',
          ...extra,
        };
        applyEnv(env);
        return env;
      },
    });
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    applyEnv(saved as Record<string, string>);
    await fauxqs.stop();
    await ddb.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
