/**
 * The archive's figures for `npm run bench`: per archived case, the bytes kept (the package in the
 * archive bucket + the archive record's DynamoDB item), the DynamoDB units the archive queue's
 * consumer spends (reads: the case, its item, offices, files, timeline, the record; writes: the
 * record with its audit event), and the package build time (documents drawn as PDF with the font
 * subset, the scans read back, zipped, stored, read back and checked). Cases taken in, given two
 * scans (a 300 KB JPEG-like image, a 120 KB PDF-like file) and delivered through the real use
 * cases on DynamoDB Local and fauxqs S3. Run alone: `npx tsx bench/archive.ts`.
 */
import { pathToFileURL } from 'node:url';
import { randomBytes, randomUUID } from 'node:crypto';
import { withEmulators } from './emulators.ts';
import { benchMeter } from './meter.ts';
import { type Figure, itemBytes, round } from './figure.ts';

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** How many cases are archived (the first warms the font and the PDF library, and is not counted). */
const N = 8;

export const benchArchive = async (): Promise<Figure[]> =>
  withEmulators('archive', async ({ county, useCounty }) => {
    await useCounty();
    const { seedDemoCounty } = await import('../local/seed.ts');
    await seedDemoCounty(county);
    const { dynamo } = await import('../shared/aws/clients.ts');
    const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const { archiveKeys } = await import('../shared/db/keys.ts');
    const { tableName } = await import('../shared/platform/env.ts');
    const { intake } = await import('../shared/cases/intake.ts');
    const { lifecycle } = await import('../shared/cases/lifecycle.ts');
    const { casePorts } = await import('../shared/app/wiring.ts');
    const { materialPorts } = await import('../shared/cases/material-wiring.ts');
    const { requestUpload, confirmUpload } = await import('../shared/cases/materials.ts');
    const { archiveCase } = await import('../shared/archive/archive.ts');
    const { archivePorts } = await import('../shared/archive/wiring.ts');
    const { demoItems } = await import('../shared/catalog/demo-catalog.ts');
    const { scopesOf } = await import('../shared/platform/scopes.ts');

    // read and write units of every DynamoDB call on the shared client while the meter is on
    const meter = benchMeter(dynamo(), 'benchArchiveCapacity');

    const item = demoItems().find((i) => i.name === '居民身份证核发')!;
    const clerk = {
      userId: 'bench',
      username: 'bench',
      displayName: '测试窗口',
      officeId: `${county.code}-lingshan`,
      roles: ['window_clerk' as const],
      scopes: scopesOf(['window_clerk']),
      sessionId: 'b',
    };
    const meta = { sourceIp: '127.0.0.1', userAgent: 'bench' };
    const cp = casePorts();
    const mp = materialPorts();
    const ap = archivePorts();
    const scans = [
      { name: '居民户口簿', contentType: 'image/jpeg' as const, bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(300 * 1024)]) },
      { name: '近期免冠照片', contentType: 'application/pdf' as const, bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(120 * 1024)]) },
    ];

    const ids: string[] = [];
    for (let i = 0; i < N; i++) {
      const body = {
        itemCode: item.code,
        applicant: { type: 'person' as const, name: '测试', idNumber: '11010519491231002X', phone: `1390000${String(3000 + i)}` },
        materialsReceived: item.materials.filter((m) => m.required).map((m) => m.name),
        idempotencyKey: randomUUID(),
      };
      const c = (await intake(cp, clerk, body, meta)).case;
      for (const s of scans) {
        const { upload } = await requestUpload(mp, clerk, { id: c.id }, { name: s.name, contentType: s.contentType, size: s.bytes.length }, meta);
        const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: s.bytes });
        if (put.status !== 200) throw new Error(`the scan's PUT answered ${put.status}`);
        await confirmUpload(mp, clerk, { id: c.id, materialId: upload.materialId }, meta);
      }
      await lifecycle.start(cp, clerk, { id: c.id, expectedVersion: 1 }, meta);
      await lifecycle.decide(cp, clerk, { id: c.id, expectedVersion: 2, result: 'approved' }, meta);
      await lifecycle.deliver(cp, clerk, { id: c.id, expectedVersion: 3, method: 'pickup', signedBy: '测试' }, meta);
      ids.push(c.id);
    }

    const times: number[] = [];
    const packageBytes: number[] = [];
    const recordBytes: number[] = [];
    for (const [i, id] of ids.entries()) {
      if (i > 0) meter.on = true;
      const t = performance.now();
      const r = await archiveCase(ap, id);
      const ms = performance.now() - t;
      meter.on = false;
      if (r !== 'archived') throw new Error(`case ${id} was not archived: ${r}`);
      const rec = await ap.archive.get(id);
      // 安全性 reads the bucket's Object Lock and encryption, which fauxqs does not keep: the other three must hold
      if (!rec || !rec.checks.authenticity || !rec.checks.integrity || !rec.checks.usability)
        throw new Error(`the package of ${id} failed a DA/T 70 check: ${JSON.stringify(rec?.checks)}`);
      if (i === 0) continue;
      times.push(ms);
      packageBytes.push(rec.packageSize);
      const got = await dynamo().send(new GetCommand({ TableName: tableName('cases'), Key: archiveKeys.record(id) }));
      recordBytes.push(itemBytes(got.Item!));
    }
    const n = times.length;
    times.sort((a, b) => a - b);
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const scanBytes = scans.reduce((a, s) => a + s.bytes.length, 0);
    return [
      {
        name: `archive: package in the archive bucket (2 scans = ${Math.round(scanBytes / 1024)} KB, documents as PDF), mean`,
        value: Math.round(avg(packageBytes)),
        unit: 'bytes',
      },
      { name: 'archive: its DynamoDB record (names + values, approx.), mean', value: Math.round(avg(recordBytes)), unit: 'bytes' },
      {
        key: 'archive_bytes_per_case',
        name: 'bytes per archived case (package + DynamoDB record)',
        value: Math.round(avg(packageBytes) + avg(recordBytes)),
        unit: 'bytes',
        target: '(reported)',
      },
      {
        key: 'archive_wcu_per_case',
        name: 'WCU per archived case (record with its two index entries + audit event, one transaction: 2× per KB)',
        value: round(meter.write / n),
        unit: 'WCU',
        target: '≤ 20 WCU',
      },
      {
        key: 'archive_rcu_per_case',
        name: 'RCU per archived case (case, item, offices, files, timeline, record)',
        value: round(meter.read / n),
        unit: 'RCU',
        target: '(reported)',
      },
      { name: `archive: package build p50 (${n} cases after one warm-up)`, value: round(percentile(times, 50)), unit: 'ms' },
      {
        key: 'archive_build_p95_ms',
        name: 'package build p95 (PDFs, zip, store, read back, checks)',
        value: round(percentile(times, 95)),
        unit: 'ms',
        target: '≤ 3000 ms',
      },
    ];
  });

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await benchArchive());
  process.exit(0);
}
