/**
 * Network figures for `npm run bench`: write capacity per hand-over (each side of a 转报 and its
 * reply, measured with ReturnConsumedCapacity on DynamoDB Local), and the time from `forward` to
 * the receiver's inbox through the local platform (gateway → handler → fauxqs → poller → consumer
 * → the receiver's GET /api/cases?view=inbox). Run alone: `npx tsx bench/network.ts`.
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { withEmulators } from './emulators.ts';

interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d;

export const benchNetwork = async (): Promise<Figure[]> =>
  withEmulators('benchnet', async ({ county, dataDir, endpoints: ep, useCounty }) => {
    const figures: Figure[] = [];
    const stops: Array<() => Promise<void> | void> = [];
    try {
      const env = await useCounty();
      const { seedDemoCounty } = await import('../local/seed.ts');
      const { startGateway } = await import('../local/gateway.ts');
      const { startPoller } = await import('../local/poller.ts');
      const { capacityMeter } = await import('../shared/aws/dynamo-meter.ts');
      const { intake } = await import('../shared/cases/intake.ts');
      const { lifecycle } = await import('../shared/cases/lifecycle.ts');
      const { applyHop } = await import('../shared/network/apply.ts');
      const { memoryHops } = await import('../shared/network/memory-hops.ts');
      const { forward, receive, returnCase } = await import('../shared/network/transfer.ts');
      const { networkPorts } = await import('../shared/app/wiring.ts');
      const { demoItems } = await import('../shared/catalog/demo-catalog.ts');
      await seedDemoCounty(county);

      const dibao = demoItems().find((i) => i.name === '城乡最低生活保障对象认定')!;
      const body = {
        itemCode: dibao.code,
        applicant: { type: 'person' as const, name: '测试', idNumber: '11010519491231002X', phone: '13912345678' },
        materialsReceived: dibao.materials.filter((m) => m.required).map((m) => m.name),
      };
      const clerk = (username: string, officeId: string) => ({
        userId: username,
        username,
        displayName: username,
        officeId,
        roles: ['window_clerk' as const],
        scopes: ['session', 'case.read', 'case.accept', 'case.handle', 'case.decide'] as never,
        sessionId: 'b',
      });
      const township = clerk('bench.lingshan', '411521-lingshan');
      const dept = clerk('bench.mzj', '411521-mzj');
      const meta = { sourceIp: '127.0.0.1', userAgent: 'bench' };
      // capacity in process: the hops recorded and landed by hand, each side measured on its own
      const hops = memoryHops();
      const ports = { ...networkPorts(), hops };
      const measure = async (fn: () => Promise<unknown>) => {
        capacityMeter.read = 0;
        capacityMeter.write = 0;
        await fn();
        return { read: capacityMeter.read, write: capacityMeter.write };
      };
      const land = () => Promise.all(hops.drain().map((m) => applyHop(ports, m)));
      const id = (await intake(ports, township, { ...body, idempotencyKey: randomUUID() }, meta)).case.id;
      const steps: Array<[string, () => Promise<unknown>]> = [
        ['转报 forward (sender: case + audit)', () => forward(ports, township, { id, expectedVersion: 1, toOfficeId: '411521-mzj', reason: 'bench' }, meta)],
        ['转报 landing (consumer: case + event + inbox entry)', land],
        ['签收 receive (case + event + inbox delete + audit)', () => receive(ports, dept, { id, expectedVersion: 3 }, meta)],
        ['办结 decide at the department', () => lifecycle.decide(ports, dept, { id, expectedVersion: 4, result: 'approved' }, meta)],
        ['回复 return (sender: case + audit)', () => returnCase(ports, dept, { id, expectedVersion: 5, note: 'bench' }, meta)],
        ['回复 landing (consumer: case + event)', land],
      ];
      let handOver = 0;
      let roundTrip = 0;
      for (const [name, fn] of steps) {
        const c = await measure(fn);
        figures.push({ name: `${name}: write capacity`, value: c.write, unit: 'WCU' });
        if (name.startsWith('转报')) handOver += c.write;
        if (!name.startsWith('办结')) roundTrip += c.write;
      }
      const redelivered = await measure(async () => {
        await forward(
          ports,
          township,
          {
            id: (await intake(ports, township, { ...body, idempotencyKey: randomUUID() }, meta)).case.id,
            expectedVersion: 1,
            toOfficeId: '411521-mzj',
            reason: 'bench',
          },
          meta,
        );
        const sent = hops.drain();
        await Promise.all(sent.map((m) => applyHop(ports, m)));
        capacityMeter.write = 0;
        for (const m of sent) await applyHop(ports, m);
      });
      figures.push({ name: 'one hand-over (转报: forward + landing)', value: handOver, unit: 'WCU' });
      figures.push({ name: 'a redelivered message (the 2nd and 3rd delivery)', value: redelivered.write, unit: 'WCU', target: '0: nothing written' });
      figures.push({ name: '转报 round trip (forward, land, 签收, 回复, land; without the decision)', value: roundTrip, unit: 'WCU' });

      // forward → the receiver's inbox, through the local platform
      const { server, url } = await startGateway({ port: 0, webDir: dataDir });
      stops.push(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));
      const poller = startPoller({ endpoint: ep.fauxqs, region: ep.region, env, log: () => undefined });
      stops.push(() => poller.stop());
      const login = async (username: string) =>
        (
          (await (
            await fetch(`${url}/api/auth/login`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ username, password: 'Bianmin@2026' }),
            })
          ).json()) as { token: string }
        ).token;
      const [lingshan, mzj] = [await login('clerk.lingshan'), await login('clerk.mzj')];
      const call = (path: string, token: string, json?: unknown, headers: Record<string, string> = {}) =>
        fetch(`${url}${path}`, {
          method: json === undefined ? 'GET' : 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
          ...(json === undefined ? {} : { body: JSON.stringify(json) }),
        });
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const c = (await (await call('/api/cases', lingshan, body, { 'idempotency-key': randomUUID() })).json()) as { case: { id: string } };
        const t0 = performance.now();
        const r = await call(`/api/cases/${c.case.id}/forward`, lingshan, { expectedVersion: 1, toOfficeId: '411521-mzj', reason: 'bench' });
        if (r.status !== 202) throw new Error(`forward answered ${r.status}`);
        for (;;) {
          const inbox = (await (await call('/api/cases?view=inbox', mzj)).json()) as { cases: Array<{ caseId: string }> };
          if (inbox.cases.some((x) => x.caseId === c.case.id)) break;
          if (performance.now() - t0 > 30_000) throw new Error('the hand-over never reached the inbox');
          await new Promise((res) => setTimeout(res, 10));
        }
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      figures.push({ name: "forward → receiver's inbox through the local platform, p50 (20 sequential)", value: round(percentile(times, 50)), unit: 'ms' });
      figures.push({ name: "forward → receiver's inbox, p95", value: round(percentile(times, 95)), unit: 'ms' });
    } finally {
      for (const s of stops.reverse()) await s();
    }
    return figures;
  });

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchNetwork());
  process.exit(0);
}
