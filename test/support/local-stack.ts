import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { inject } from 'vitest';
import { startGateway } from '../../local/gateway.ts';
import { applyEnv, localFunctionEnv } from '../../local/env.ts';
import { ROOT } from '../../local/modules.ts';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/aws/clients.ts';
import { directoryKeys } from '../../shared/db/keys.ts';
import type { SeedReport } from '../../local/seed.ts';
import { loadCountyConfig, type CountyConfig } from '../../infra/config/county-config.ts';
import { cheapHash } from './cheap-hash.ts';

/**
 * One isolated county per test file: its own tables/queues (unique prefix) on the shared
 * emulators, and the real local gateway (authorizer + the same handler modules) on a free port.
 */
export interface TestStack {
  url: string;
  prefix: string;
  env: Record<string, string>;
  seed?: SeedReport;
  /** fetch relative to the gateway, with an optional bearer token and JSON body. */
  fetch(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  /** Logs a demo (or any) user in and returns the token; computes TOTP for seeded users. */
  login(username: string, password?: string, totp?: string): Promise<string>;
  /** A TOTP code of a seeded user that the server will accept now (instant: no wait for a fresh step). */
  totp(username: string): Promise<string>;
  stop(): Promise<void>;
}

export const DEMO_PASSWORD = 'Bianmin@2026';

/** process.env as the worker started, and the variables the last test stack set. */
const processEnv = { ...process.env };
// the last stack's env object itself: a file may add to it after the start (the notices file points
// texts at its own fake provider), and those keys go back too
let lastStackEnv: Record<string, string> = {};
const restoreVar = (k: string): void => {
  if (k in processEnv) process.env[k] = processEnv[k];
  else delete process.env[k];
};

/**
 * `county`: a code of infra/counties/ (default 411521), or a config object, so a test can try a
 * county setting; either way the functions' environment is derived as the stack derives it.
 */
let demoHash: string | undefined;

export const startTestStack = async (opts: { seed?: boolean; county?: string | CountyConfig } = {}): Promise<TestStack> => {
  const ep = inject('emulators');
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'bianmin-test-'));
  const county = typeof opts.county === 'object' ? opts.county : loadCountyConfig(opts.county ?? '411521');
  const env = await localFunctionEnv({ county, prefix, endpoints: ep, dataDir });
  // the integration layer keeps one process per worker across files: what the last stack set and
  // this one does not (a county setting only one file tries) goes back to the process's own value
  for (const k of Object.keys(lastStackEnv)) if (!(k in env)) restoreVar(k);
  lastStackEnv = env;
  applyEnv(env);

  let seed: SeedReport | undefined;
  if (opts.seed) {
    const { seedDemoCounty } = await import('../../local/seed.ts');
    // the demo password stored at a cheap scrypt cost: every login of a test skips a full-cost check
    seed = await seedDemoCounty(county, { passwordHash: (demoHash ??= cheapHash(DEMO_PASSWORD)) });
  }
  const { server, url } = await startGateway({ port: 0, webDir: join(ROOT, 'web', 'dist'), connectSrc: [ep.fauxqs] });

  const doFetch: TestStack['fetch'] = (path, init = {}) => {
    const { token, json, headers, ...rest } = init;
    const h = new Headers(headers);
    if (token) h.set('authorization', `Bearer ${token}`);
    if (json !== undefined) h.set('content-type', 'application/json');
    return fetch(`${url}${path}`, { ...rest, headers: h, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
  };

  // A TOTP code works once (the server records the last step used). Rather than wait up to 30 s
  // for a fresh step, the harness forgets the user's last step in this test's own table, then
  // uses the current one; the server still refuses a replayed code (login.test.ts proves it).
  const totp: TestStack['totp'] = async (username) => {
    const uri = seed?.logins.find((l) => l.username === username)?.totpUri;
    if (!uri) throw new Error(`${username} has no demo TOTP secret`);
    await forgetTotpStep(env.TABLE_DIRECTORY!, username);
    const { URI } = await import('otpauth');
    return (URI.parse(uri) as { generate(): string }).generate();
  };
  const login: TestStack['login'] = async (username, password = DEMO_PASSWORD, code) => {
    if (!code && seed?.logins.find((l) => l.username === username)?.totpUri) code = await totp(username);
    const res = await doFetch('/api/auth/login', { method: 'POST', json: { username, password, ...(code ? { totp: code } : {}) } });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };

  return {
    url,
    prefix,
    env,
    ...(seed ? { seed } : {}),
    fetch: doFetch,
    login,
    totp,
    stop: async () => {
      await closeServer(server);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** Test-only: clears the user's last-used TOTP step directly in the table (never done by the app). */
const forgetTotpStep = async (table: string, username: string): Promise<void> => {
  const guard = await dynamo().send(new GetCommand({ TableName: table, Key: directoryKeys.username(username) }));
  const userId = guard.Item?.userId as string | undefined;
  if (!userId) throw new Error(`no user ${username}`);
  await dynamo().send(new UpdateCommand({ TableName: table, Key: directoryKeys.user(userId), UpdateExpression: 'REMOVE totpLastStep' }));
};

const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
