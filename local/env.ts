import { join } from 'node:path';
import type { CountyConfig } from '../infra/config/county-config.ts';
import { functionEnvironment } from '../infra/config/function-env.ts';
import { resetRuntimeConfig } from '../shared/platform/runtime-config.ts';
import { resetClients } from '../shared/aws/clients.ts';
import { createResources, emulatorEnv, type Endpoints } from './resources.ts';

/**
 * A county's function environment on the emulators: its resources created under `prefix`, then
 * the one derivation the CDK stack uses (infra/config/function-env.ts), with dev key files in
 * place of KMS (generated on first use under dataDir, git-ignored).
 */
export const localFunctionEnv = async (opts: {
  county: CountyConfig;
  prefix: string;
  endpoints: Endpoints;
  dataDir: string;
}): Promise<Record<string, string>> => ({
  ...emulatorEnv(opts.endpoints),
  ...functionEnvironment(opts.county, {
    ...(await createResources(opts.prefix, opts.endpoints)),
    keys: { devFiles: { data: join(opts.dataDir, 'data-dev-key.json'), jwt: join(opts.dataDir, 'jwt-dev-key.json') } },
  }),
});

/**
 * Points this process's handlers at an environment, as a Lambda container starts with one: the
 * runtime config and SDK clients are built again from it on next use.
 */
export const applyEnv = (env: Record<string, string>): void => {
  Object.assign(process.env, env);
  resetRuntimeConfig();
  resetClients();
};
