/**
 * The notices' figures for `npm run bench`: DynamoDB capacity units per text (告知), on its whole
 * path — the outbox entry put in the case change's transaction, then the consumer's reads and
 * writes to send it (read, claim, the phone's daily cap, settle). The stream relay and the queue cost no DynamoDB units.
 * ReturnConsumedCapacity on DynamoDB Local, averaged over a few texts sent to the local fake
 * provider (Alibaba Cloud SendSms, signature checked). Run alone: `npx tsx bench/notices.ts`.
 */
import { pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';
import { withEmulators } from './emulators.ts';
import { type Figure, itemBytes, round } from './figure.ts';
import { benchMeter } from './meter.ts';

export const benchNotices = async (): Promise<Figure[]> =>
  withEmulators('notices', async ({ county, useCounty }) => {
    await useCounty();
    const { seedDemoCounty } = await import('../local/seed.ts');
    await seedDemoCounty(county);
    const { startFakeSms } = await import('../local/fake-sms.ts');
    const { fakeSmsEnv } = await import('../local/notices-env.ts');
    const { applyEnv } = await import('../local/env.ts');
    const fake = await startFakeSms(fakeSmsEnv.fakeOptions(county));
    try {
      applyEnv(fakeSmsEnv.env(county, fake));
      const { dynamo } = await import('../shared/aws/clients.ts');
      const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
      const { outboxKeys } = await import('../shared/db/keys.ts');
      const { tableName } = await import('../shared/platform/env.ts');
      const { intake } = await import('../shared/cases/intake.ts');
      const { casePorts } = await import('../shared/app/wiring.ts');
      const { demoItems } = await import('../shared/catalog/demo-catalog.ts');
      const { deliverNotice } = await import('../shared/notices/deliver.ts');
      const { deliverPorts } = await import('../shared/notices/wiring.ts');

      const item = demoItems().find((i) => i.name === '居民身份证核发')!;
      const clerk = {
        userId: 'bench',
        username: 'bench',
        displayName: 'bench',
        officeId: `${county.code}-lingshan`,
        roles: ['window_clerk' as const],
        scopes: (['session', 'case.accept'] as const).slice(),
        sessionId: 'b',
      };
      const meta = { sourceIp: '127.0.0.1', userAgent: 'bench' };
      const N = 5;
      const ports = casePorts();
      const cases: string[] = [];
      for (let i = 0; i < N; i++) {
        const body = {
          itemCode: item.code,
          applicant: { type: 'person' as const, name: '测试', idNumber: '11010519491231002X', phone: `1390000${String(2000 + i)}` },
          materialsReceived: item.materials.filter((m) => m.required).map((m) => m.name),
          idempotencyKey: randomUUID(),
        };
        cases.push((await intake(ports, clerk, body, meta)).case.id);
      }
      // DynamoDB bills a transaction's Put at 2 WCU per started KB of the item (DynamoDB Local's
      // transaction report does not itemise): the outbox entry's size as stored, names + values
      const sizes = await Promise.all(
        cases.map(async (id) => {
          const got = await dynamo().send(new GetCommand({ TableName: tableName('cases'), Key: outboxKeys.entry('notices', id, 'accepted#sms#applicant') }));
          if (!got.Item) throw new Error(`case ${id} has no 受理 notice in its outbox`);
          return itemBytes(got.Item);
        }),
      );
      const entryBytes = Math.max(...sizes);
      const outboxWrite = 2 * Math.ceil(entryBytes / 1024);

      // the consumer at noon Beijing time (outside the quiet hours, whenever the bench runs)
      const dp = { ...deliverPorts(), clock: () => new Date('2026-12-08T12:00:00+08:00') };
      // every DynamoDB call of the consumer, metered on the client (bench/meter.ts)
      const meter = benchMeter(dynamo(), 'benchNoticeCapacity');
      meter.on = true;
      for (const id of cases) {
        const r = await deliverNotice(dp, { caseId: id, id: 'accepted#sms#applicant' }, { claim: randomUUID(), receives: 1, lastReceive: false });
        if (!('outcome' in r) || r.outcome !== 'sent') throw new Error(`the bench's text was not sent: ${JSON.stringify(r)}`);
      }
      meter.on = false;
      if (fake.received.length !== N) throw new Error(`the fake provider received ${fake.received.length} texts, not ${N}`);
      const sendRead = round(meter.read / N);
      const sendWrite = round(meter.write / N);
      return [
        { name: 'notice: its outbox entry as stored (names + values, approx.; the largest of the bench)', value: entryBytes, unit: 'bytes' },
        { name: 'notice: outbox entry put in the case change’s transaction (2 WCU per started KB)', value: outboxWrite, unit: 'WCU' },
        { name: 'notice: sending (claim, the phone’s daily cap, settle)', value: sendWrite, unit: `WCU / ${sendRead} RCU (read the entry)` },
        {
          key: 'wcu_per_notice',
          name: 'WCU per text (告知), outbox entry to sent',
          value: round(outboxWrite + sendWrite),
          unit: `WCU / ${sendRead} RCU`,
          target: '≤ 8 WCU',
        },
      ];
    } finally {
      await fake.stop();
    }
  });

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await benchNotices());
