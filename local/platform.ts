import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { startDynamoLocal, type DynamoLocal } from './dynamo-local.ts';
import { startFauxqs, type Fauxqs } from './fauxqs.ts';
import { startGateway } from './gateway.ts';
import { startPoller } from './poller.ts';
import { startScheduler } from './scheduler.ts';
import { startStreams } from './streams.ts';
import { startFakeSms, type FakeSms } from './fake-sms.ts';
import { fakeSmsEnv, withSite } from './notices-env.ts';
import { startFakeProvince, type FakeProvince } from './fake-province.ts';
import { freePort } from './free-port.ts';
import { ROOT } from './modules.ts';
import { seedDemoCounty, type SeedReport } from './seed.ts';
import { seedDemoHistory } from './seed-demo-history.ts';
import { applyEnv, localFunctionEnv } from './env.ts';
import { loadCountyConfig, type CountyConfig } from '../infra/config/county-config.ts';
import { migrateOnStart } from './migrate-on-start.ts';

/**
 * The embedded default: DynamoDB Local + fauxqs + the local gateway, queue poller and scheduler,
 * all driven by the same definitions as the CDK stack. Handlers run in this process and read
 * their resources from process.env, exactly as a Lambda reads its configuration.
 */
export interface PlatformOptions {
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  /** The county whose infra/counties/<code>.json configures the functions (default 411521). */
  countyCode?: string;
  reset?: boolean;
  seed?: boolean;
  /** With `seed`: also three months of demo cases (npm start; tests keep their tables to themselves). */
  seedHistory?: boolean;
  /** Keep DynamoDB data on disk under dataDir (npm start) or in memory (tests). */
  persist?: boolean;
  log?: (line: string) => void;
}

export interface Platform {
  url: string;
  county: CountyConfig;
  env: Record<string, string>;
  /** The fake provincial platform the county's stage records go to (its control endpoints: local/fake-province.ts). */
  province?: string;
  seed?: SeedReport;
  /** The demo history being written in the background (npm start): the server answers meanwhile. */
  history?: Promise<{ cases: number; skipped: boolean; ms: number } | undefined>;
  stop(): Promise<void>;
}

const REGION = 'cn-north-1';

export const startPlatform = async (opts: PlatformOptions): Promise<Platform> => {
  const log = opts.log ?? (() => undefined);
  const county = loadCountyConfig(opts.countyCode ?? '411521');
  if (opts.reset) rmSync(opts.dataDir, { recursive: true, force: true });
  mkdirSync(opts.dataDir, { recursive: true });

  const started: Array<{ stop(): Promise<void> | void }> = [];
  const stopAll = async () => {
    for (const s of started.reverse()) await Promise.resolve(s.stop()).catch(() => undefined);
  };
  try {
    const dynamo: DynamoLocal = await startDynamoLocal({
      port: await freePort(),
      ...(opts.persist ? { dataDir: join(opts.dataDir, 'dynamodb') } : {}),
    });
    started.push(dynamo);
    const fauxqs: Fauxqs = await startFauxqs({ port: 0, region: REGION });
    started.push(fauxqs);
    const endpoints = { dynamodb: dynamo.endpoint, fauxqs: fauxqs.endpoint, region: REGION };

    const env = await localFunctionEnv({ county, prefix: `local-${county.code}`, endpoints, dataDir: opts.dataDir });
    // texts go to the local fake provider, which speaks the county's provider's API and checks signatures
    const fakeSms: FakeSms | undefined = county.notices && county.notices.provider !== 'off' ? await startFakeSms(fakeSmsEnv.fakeOptions(county)) : undefined;
    if (fakeSms) started.push(fakeSms);
    Object.assign(env, fakeSms ? fakeSmsEnv.env(county, fakeSms) : {});
    // stage records go to the local fake province, which speaks the county's province profile and checks each record
    const fakeProvince: FakeProvince | undefined = county.exchange ? await startFakeProvince({ province: county.exchange.province }) : undefined;
    if (fakeProvince) started.push(fakeProvince);
    Object.assign(env, fakeProvince ? { EXCHANGE_ENDPOINT_OVERRIDE: fakeProvince.url } : {});
    applyEnv(env);

    for (const m of await migrateOnStart(county.code)) if (m.status === 'applied' && m.changed) log(`数据迁移 ${m.id}: ${m.changed}/${m.scanned}`);
    const seed = opts.seed ? await seedDemoCounty(county) : undefined;
    // three months of demo cases: written while the server already answers, stopped first on Ctrl-C
    const abort = new AbortController();
    const history =
      opts.seed && opts.seedHistory
        ? seedDemoHistory(county, { signal: abort.signal }).catch((e: unknown) => void log(`demo history: ${(e as Error).message}`))
        : undefined;
    if (history) started.push({ stop: async () => void (abort.abort(), await history) });

    const { server, url } = await startGateway({ port: opts.port, webDir: join(ROOT, 'web', 'dist'), onRequest: log, connectSrc: [fauxqs.endpoint] });
    started.push({ stop: () => closeServer(server) });
    // the status links in texts point at this server
    if (fakeSms) applyEnv(Object.assign(env, withSite(env, url)));
    const poller = startPoller({ endpoint: fauxqs.endpoint, region: REGION, env, log });
    started.push(poller);
    const scheduler = startScheduler({ region: REGION, log });
    started.push(scheduler);
    // tables' streams (the outbox relay) on DynamoDB Local's streams
    started.push(startStreams({ endpoint: dynamo.endpoint, region: REGION, env, log }));

    // lets `npm run invoke` run a handler against this running platform
    writeFileSync(join(opts.dataDir, 'runtime.json'), JSON.stringify({ url, env }, null, 2));
    return {
      url,
      county,
      env,
      ...(fakeProvince ? { province: fakeProvince.url } : {}),
      ...(seed ? { seed } : {}),
      ...(history ? { history } : {}),
      stop: stopAll,
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
};

const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
