/**
 * Case figures for `npm run bench`: capacity consumed per intake and per action
 * (ReturnConsumedCapacity on DynamoDB Local), the estimated cost per 1,000 cases at on-demand list
 * prices, intake p50/p99 through the local gateway (the overdue scan's reads: bench/supervision.ts). Run alone: `npx tsx bench/cases.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { withEmulators } from './emulators.ts';
import { GetCommand } from '@aws-sdk/lib-dynamodb';

interface Figure {
  /** The issue's stable key in bench/results.json, when this is one of its figures. */
  key?: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
}

// DynamoDB on-demand list prices, kept as data with their source and date (bench/prices.json)
const PRICES = JSON.parse(readFileSync(join(import.meta.dirname, 'prices.json'), 'utf8')) as Record<'usEast1' | 'china', Record<string, number>>;

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
const round = (n: number, d = 2): number => Math.round(n * 10 ** d) / 10 ** d;

/** A request to run in a fresh process against the emulators once they hold the demo county ("init + first request"). */
export type FirstRequest = (env: NodeJS.ProcessEnv) => Figure[];

export const benchCases = async (firstRequests?: FirstRequest): Promise<Figure[]> =>
  withEmulators('bench', async ({ county, dataDir, useCounty }) => {
    const { dynamo } = await import('../shared/aws/clients.ts');
    const figures: Figure[] = [];
    await useCounty();
    const { seedDemoCounty } = await import('../local/seed.ts');
    const { startGateway } = await import('../local/gateway.ts');
    const { capacityMeter } = await import('../shared/aws/dynamo-meter.ts');
    const { intake } = await import('../shared/cases/intake.ts');
    const { lifecycle } = await import('../shared/cases/lifecycle.ts');
    const { casePorts } = await import('../shared/app/wiring.ts');
    const { demoItems } = await import('../shared/catalog/demo-catalog.ts');
    const { caseKeys } = await import('../shared/db/keys.ts');
    const { tableName } = await import('../shared/platform/env.ts');
    await seedDemoCounty(county);

    const item = demoItems().find((i) => i.name === '居民身份证核发')!;
    const body = {
      itemCode: item.code,
      applicant: { type: 'person' as const, name: '测试', idNumber: '11010519491231002X', phone: '13912345678' },
      materialsReceived: ['居民户口簿', '近期免冠照片'],
    };
    const p = {
      userId: 'bench',
      username: 'bench',
      displayName: 'bench',
      officeId: '411521-lingshan',
      roles: ['window_clerk' as const],
      scopes: (['session', 'case.accept', 'case.handle', 'case.decide'] as const).slice(),
      sessionId: 'b',
    };
    const meta = { sourceIp: '127.0.0.1', userAgent: 'bench' };
    const ports = casePorts();

    // capacity: one intake, then each action, measured on their own
    const measure = async (fn: () => Promise<unknown>) => {
      capacityMeter.read = 0;
      capacityMeter.write = 0;
      capacityMeter.writeBy = {};
      await fn();
      return { read: capacityMeter.read, write: capacityMeter.write, by: { ...capacityMeter.writeBy } };
    };
    /** Where the write units of a step went: the table's items and each index's copies. */
    const breakdown = (label: string, by: Record<string, number>): Figure[] =>
      Object.entries(by)
        .sort((a, b) => b[1] - a[1])
        .map(([where, units]) => ({
          name: `  ${label}: ${where.includes('.') ? `index ${where}` : `table ${where} (items in the transaction)`}`,
          value: units,
          unit: 'WCU',
        }));
    const perCaseBy: Record<string, number> = {};
    const addBy = (by: Record<string, number>) => {
      for (const [k, v] of Object.entries(by)) perCaseBy[k] = (perCaseBy[k] ?? 0) + v;
    };
    let id = '';
    const intakeCap = await measure(async () => (id = (await intake(ports, p, { ...body, idempotencyKey: randomUUID() }, meta)).case.id));
    figures.push({ key: 'wcu_per_intake', name: 'intake: write capacity (sequence + 1 transaction)', value: intakeCap.write, unit: 'WCU' });
    figures.push(...breakdown('intake', intakeCap.by));
    addBy(intakeCap.by);
    figures.push({ name: 'intake: read capacity (item only, not counted by the meter: 1 GetItem)', value: 0.5, unit: 'RCU' });
    // DynamoDB bills writes per started KB of the item: the case item's size (names + values, approximately)
    const stored = (await dynamo().send(new GetCommand({ TableName: tableName('cases'), Key: caseKeys.case(id) }))).Item ?? {};
    if (process.env.BENCH_SHOW_ITEM) console.log(stored);
    figures.push({
      name: 'case item after intake (attribute names + values, approx.)',
      value: Object.entries(stored).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(typeof v === 'string' ? v : JSON.stringify(v)), 0),
      unit: 'bytes',
    });
    const actions: Array<[string, () => Promise<unknown>]> = [
      ['start', () => lifecycle.start(ports, p, { id, expectedVersion: 1 }, meta)],
      ['decide', () => lifecycle.decide(ports, p, { id, expectedVersion: 2, result: 'approved' }, meta)],
      ['deliver', () => lifecycle.deliver(ports, p, { id, expectedVersion: 3, method: 'pickup', signedBy: 'x' }, meta)],
    ];
    let perCase = { read: intakeCap.read + 0.5, write: intakeCap.write };
    for (const [name, fn] of actions) {
      const c = await measure(fn);
      figures.push({ name: `${name}: write / read capacity`, value: c.write, unit: `WCU / ${c.read} RCU` });
      perCase = { read: perCase.read + c.read, write: perCase.write + c.write };
      addBy(c.by);
    }
    // per 1,000 cases: units × price per million / 1,000
    const cost = (p: Record<string, number>) =>
      (perCase.write * p.dynamodbWriteRequestUnitPerMillion! + perCase.read * p.dynamodbReadRequestUnitPerMillion!) / 1000;
    figures.push({ key: 'wru_per_case', name: 'one case, intake → delivery: write / read units', value: perCase.write, unit: `WRU / ${perCase.read} RRU` });
    figures.push(...breakdown('whole case', perCaseBy));
    figures.push({
      key: 'usd_per_1000_cases',
      name: 'DynamoDB cost per 1,000 cases (us-east-1 on-demand list price)',
      value: round(cost(PRICES.usEast1), 4),
      unit: 'USD',
    });
    figures.push({
      key: 'cny_per_1000_cases',
      name: 'DynamoDB cost per 1,000 cases (cn-north-1 / cn-northwest-1 on-demand list price)',
      value: round(cost(PRICES.china), 4),
      unit: 'CNY',
    });
    if (firstRequests) figures.push(...firstRequests(process.env));

    // latency through the local gateway (authorizer + handler + DynamoDB Local)
    const { server, url } = await startGateway({ port: 0, webDir: dataDir });
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'clerk.lingshan', password: 'Bianmin@2026' }),
    });
    const { token } = (await login.json()) as { token: string };
    const times: number[] = [];
    // how much of each intake is spent waiting on DynamoDB Local (every call the gateway's authorizer
    // and handler make, on the one client of this process): the emulator's share of the latency
    let inDb = 0;
    const dbTimes: number[] = [];
    dynamo().middlewareStack.add(
      (next) => async (args) => {
        const t = performance.now();
        try {
          return await next(args);
        } finally {
          inDb += performance.now() - t;
        }
      },
      { step: 'initialize', name: 'benchDynamoTimer' },
    );
    for (let i = 0; i < 200; i++) {
      inDb = 0;
      const t = performance.now();
      const r = await fetch(`${url}/api/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
        body: JSON.stringify(body),
      });
      if (r.status !== 201) throw new Error(`intake answered ${r.status}`);
      times.push(performance.now() - t);
      dbTimes.push(inDb);
    }
    times.sort((a, b) => a - b);
    dbTimes.sort((a, b) => a - b);
    figures.push({ name: 'intake p50 through the local gateway (200 sequential)', value: round(percentile(times, 50)), unit: 'ms' });
    figures.push({ key: 'intake_p99_ms', name: 'intake p99 through the local gateway', value: round(percentile(times, 99)), unit: 'ms' });
    figures.push({
      name: '  of which waiting on DynamoDB Local (sequence, catalog, session, transaction), p50 / p99',
      value: round(percentile(dbTimes, 50)),
      unit: `ms / ${round(percentile(dbTimes, 99))} ms`,
    });
    server.closeAllConnections();
    server.close();
    return figures;
  });

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchCases());
  process.exit(0);
}
