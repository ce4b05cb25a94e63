/**
 * The provincial exchange's figures for `npm run bench`: DynamoDB write units per stage record
 * (受理, 办结, 送达 of a case), on its whole path — the outbox entry put in the case change's
 * transaction with its copy in the day index (gsi2, the reconciliation), then the consumer's claim and
 * settle (each an update of the entry, which the day index copies again). The stream relay and the
 * queue cost no DynamoDB units; the push goes to the local fake province (41 profile, token checked).
 * DynamoDB Local's ReturnConsumedCapacity (TOTAL: table and index) for the consumer's updates; the
 * transaction's put and its index copy estimated from the item's size (2 WCU per started KB in a
 * transaction, 1 per KB the index write). Run alone: `npx tsx bench/exchange.ts`.
 */
import { pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';
import { withEmulators } from './emulators.ts';
import { benchMeter } from './meter.ts';
import { type Figure, itemBytes, round } from './figure.ts';

export const benchExchange = async (): Promise<Figure[]> =>
  withEmulators('exchange', async ({ county, useCounty }) => {
    await useCounty();
    const { seedDemoCounty } = await import('../local/seed.ts');
    await seedDemoCounty(county);
    const { startFakeProvince } = await import('../local/fake-province.ts');
    const { applyEnv } = await import('../local/env.ts');
    const fake = await startFakeProvince({ province: county.exchange?.province });
    try {
      applyEnv({ EXCHANGE_ENDPOINT_OVERRIDE: fake.url });
      const { dynamo } = await import('../shared/aws/clients.ts');
      const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
      const { outboxKeys } = await import('../shared/db/keys.ts');
      const { tableName } = await import('../shared/platform/env.ts');
      const { intake } = await import('../shared/cases/intake.ts');
      const { lifecycle } = await import('../shared/cases/lifecycle.ts');
      const { casePorts } = await import('../shared/app/wiring.ts');
      const { demoItems } = await import('../shared/catalog/demo-catalog.ts');
      const { deliverRecord } = await import('../shared/exchange/deliver.ts');
      const { exchangePorts } = await import('../shared/exchange/wiring.ts');

      const item = demoItems().find((i) => i.name === '居民身份证核发')!;
      const clerk = {
        userId: 'bench',
        username: 'bench',
        displayName: 'bench',
        officeId: `${county.code}-center`,
        roles: ['window_clerk' as const],
        scopes: (['session', 'case.read', 'case.accept', 'case.handle', 'case.decide'] as const).slice(),
        sessionId: 'b',
      };
      const meta = { sourceIp: '127.0.0.1', userAgent: 'bench' };
      const N = 4;
      const ports = casePorts();
      const cases: string[] = [];
      for (let i = 0; i < N; i++) {
        const body = {
          itemCode: item.code,
          applicant: { type: 'person' as const, name: '测试', idNumber: '11010519491231002X', phone: `1390000${String(3000 + i)}` },
          materialsReceived: item.materials.filter((m) => m.required).map((m) => m.name),
          idempotencyKey: randomUUID(),
        };
        const c = (await intake(ports, clerk, body, meta)).case;
        const decided = await lifecycle.decide(ports, clerk, { id: c.id, expectedVersion: c.version, result: 'approved' }, meta);
        await lifecycle.deliver(ports, clerk, { id: c.id, expectedVersion: decided.version, method: 'pickup', signedBy: '测试' }, meta);
        cases.push(c.id);
      }
      const entries = (
        await Promise.all(
          cases.map(async (id) => {
            const r = await dynamo().send(
              new QueryCommand({
                TableName: tableName('cases'),
                KeyConditionExpression: 'pk = :p',
                ExpressionAttributeValues: { ':p': outboxKeys.ofSubject('exchange', id).pk },
              }),
            );
            return r.Items ?? [];
          }),
        )
      ).flat();
      if (entries.length !== 3 * N) throw new Error(`expected ${3 * N} stage records, found ${entries.length}`);
      const bytes = Math.max(...entries.map(itemBytes));
      const kb = Math.ceil(bytes / 1024);
      // the put in the change's transaction and its copy in the day index
      const recordWrite = 2 * kb + kb;

      const meter = benchMeter(dynamo(), 'benchExchangeCapacity');
      const xp = exchangePorts();
      meter.on = true;
      for (const e of entries.sort((a, b) => String(a.sk).localeCompare(String(b.sk)))) {
        const r = await deliverRecord(xp, { caseId: e.subject as string, id: e.id as string }, { claim: randomUUID(), receives: 1 });
        if (!r.done) throw new Error(`the bench's record was not pushed: ${JSON.stringify(r)}`);
      }
      meter.on = false;
      const acked = fake.received.filter((r) => r.answer === 'acknowledged').length;
      if (acked !== 3 * N) throw new Error(`the fake province acknowledged ${acked} records, not ${3 * N}`);
      // claim and settle as DynamoDB Local reports them (TOTAL: the table and the day index's copy)
      const pushWrite = round(meter.write / (3 * N));
      return [
        { name: 'exchange: a stage record as stored (names + values, approx.; the largest of the bench)', value: bytes, unit: 'bytes' },
        { name: 'exchange: record put in the case change’s transaction + its day-index copy', value: recordWrite, unit: 'WCU' },
        {
          name: 'exchange: pushing it (claim, settle; each copied to the day index)',
          value: pushWrite,
          unit: `WCU / ${round(meter.read / (3 * N))} RCU (the case’s records, the offices)`,
        },
        {
          key: 'wcu_per_exchange_record',
          name: 'WCU per stage record (受理/办结/送达), written to acknowledged',
          value: round(recordWrite + pushWrite),
          unit: 'WCU',
          target: '≤ 8 WCU',
        },
      ];
    } finally {
      await fake.stop();
    }
  });

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await benchExchange());
