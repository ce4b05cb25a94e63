import { existsSync, readFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { loadCountyConfig, type CountyConfig } from '../../infra/config/county-config.ts';
import { countyTableName } from '../../infra/config/operations.ts';
import { ROOT } from '../../local/modules.ts';
import { resetClients } from '../../shared/aws/clients.ts';
import { TABLES } from '../../shared/platform/tables.ts';
import type { CommandCaller } from '../../shared/platform/command-caller.ts';

/**
 * Where an operations command acts: a deployed county (the AWS credentials of its account, from
 * the usual AWS_PROFILE / environment / SSO chain; its region and table names from its config),
 * or the running `npm start` (`--local`, through the .data/runtime.json it writes).
 */
export interface Target {
  countyCode: string;
  label: string;
  local: boolean;
  env: Record<string, string>;
}

export class TargetError extends Error {}

export const defaultRuntimeFile = (): string => process.env.BIANMIN_RUNTIME ?? join(ROOT, '.data', 'runtime.json');

export const localTarget = (runtimeFile = defaultRuntimeFile(), countyCode?: string): Target => {
  if (!existsSync(runtimeFile)) throw new TargetError('本地平台未运行：请先在另一个终端运行 npm start（--local 需要它写下的 .data/runtime.json）');
  const { env, url } = JSON.parse(readFileSync(runtimeFile, 'utf8')) as { env: Record<string, string>; url: string };
  const running = env.COUNTY_CODE ?? '';
  if (countyCode && countyCode !== running) throw new TargetError(`本地平台运行的是县区 ${running}，不是 ${countyCode}`);
  return { countyCode: running, label: `本地 ${url}`, local: true, env };
};

/** What the stack gives its functions, for the tables and settings a command touches. */
export const awsTarget = (county: CountyConfig): Target => ({
  countyCode: county.code,
  label: `${county.name} ${county.code} (${county.region})`,
  local: false,
  env: {
    AWS_REGION: county.region,
    COUNTY_CODE: county.code,
    AUDIT_RETENTION_DAYS: String(county.auditRetentionDays),
    ...Object.fromEntries(TABLES.map((t) => [t.envVar, countyTableName(county, t.id)])),
  },
});

export const resolveTarget = (opts: { county?: string | undefined; local?: boolean | undefined; runtime?: string | undefined }): Target => {
  if (opts.local) return localTarget(opts.runtime, opts.county);
  if (!opts.county) throw new TargetError('请用 --county <县区代码> 指定县区（或 --local 作用于本地 npm start）');
  return awsTarget(loadCountyConfig(opts.county));
};

/** Points the SDK clients (and so every adapter) at the target, as a Lambda's configuration would. */
export const useTarget = (t: Target): void => {
  if (!t.local) for (const k of Object.keys(process.env)) if (k.startsWith('AWS_ENDPOINT_URL')) delete process.env[k];
  Object.assign(process.env, t.env);
  resetClients();
};

export const operator = (): string => `${userInfo().username}@${hostname()}`;

export const commandCaller = (command: string): CommandCaller => ({ command, operator: operator() });

export const commandMeta = (command: string) => ({ sourceIp: hostname(), userAgent: `npm run ${command}` });
