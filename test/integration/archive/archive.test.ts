import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse } from 'aws-lambda';
import { unzipSync } from 'fflate';
import { TOTP, Secret } from 'otpauth';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { startStreams, type StreamRunner } from '../../../local/streams.ts';
import { loadHandler } from '../../../local/modules.ts';
import { lambdaContext } from '../../../local/lambda-context.ts';
import { demoItems } from '../../../shared/catalog/demo-catalog.ts';
import { dynamoCaseStore } from '../../../shared/cases/dynamo-cases.ts';
import { dynamoArchiveStore } from '../../../shared/archive/dynamo-archive.ts';
import { s3ArchivePackages } from '../../../shared/archive/s3-archive-packages.ts';
import { archiveWrites } from '../../../shared/archive/trigger.ts';
import { sha256 } from '../../../shared/archive/package.ts';
import { demoTotpSecret } from '../../../local/seed-demo-directory.ts';
import { sqsOf, toRecord } from '../network/support.ts';
import { archiveRecord } from '../../unit/archive/store-contract.ts';

const ID_CARD = demoItems().find((i) => i.name === '居民身份证核发')!;
const person = { type: 'person', name: '张三丰', idNumber: '11010519491231002X', phone: '13812345678' };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * The archive end to end on the emulators: 办结/送达 through the case's outbox, the cases table's
 * stream and the relay to the archive queue; the real consumer builds the package from the stored
 * case, its documents and uploaded files; the routes read and download it; destruction needs the
 * retention ended and two county admins.
 */
describe('the electronic archive (queue consumer and routes)', () => {
  const ep = inject('emulators');
  let stack: TestStack;
  let sqs: SQSClient;
  let streams: StreamRunner;
  let clerk: string;
  let admin: string;
  const json = (r: Response) => r.json() as Promise<any>;
  const post = (path: string, body: unknown, token = clerk) => stack.fetch(path, { method: 'POST', json: body, token });

  /** Everything on the archive queue (relayed by the stream runner), each handed to the consumer `times` times, then deleted. */
  const pumpArchive = async (want: number, times = 1) => {
    const got: Array<{ MessageId?: string; ReceiptHandle?: string; Body?: string }> = [];
    for (let i = 0; i < 40 && got.length < want; i++) {
      const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: stack.env.QUEUE_ARCHIVE!, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      got.push(...(r.Messages ?? []));
    }
    expect(got.length).toBeGreaterThanOrEqual(want);
    const consume = await loadHandler('queues', 'archive');
    for (let copy = 0; copy < times; copy++) {
      const res = (await consume({ Records: got.map((m) => toRecord(m, copy)) }, lambdaContext('archive', 120_000))) as SQSBatchResponse;
      expect(res.batchItemFailures).toEqual([]);
    }
    await sqs.send(
      new DeleteMessageBatchCommand({ QueueUrl: stack.env.QUEUE_ARCHIVE!, Entries: got.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }),
    );
    return got.map((m) => JSON.parse(m.Body!) as { id: string });
  };
  const upload = async (caseId: string, name: string, contentType: string, bytes: Uint8Array) => {
    const r = await post(`/api/cases/${caseId}/materials/uploads`, { name, contentType, size: bytes.length });
    expect(r.status, await r.clone().text()).toBe(201);
    const { upload: u } = await json(r);
    expect((await fetch(u.url, { method: 'PUT', headers: u.headers, body: Buffer.from(bytes) })).status).toBe(200);
    expect((await post(`/api/cases/${caseId}/materials/${u.materialId}/confirm`, {})).status).toBe(200);
  };
  const archiveAudits = async (caseId: string) => {
    const r = await json(await stack.fetch(`/api/audit?action=archive.package`, { token: admin }));
    return JSON.stringify(r).split(caseId).length - 1;
  };

  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    sqs = sqsOf();
    streams = startStreams({ endpoint: ep.dynamodb, region: ep.region, env: stack.env, log: () => undefined, idleMs: 100 });
    clerk = await stack.login('clerk.lingshan');
    admin = await stack.login('admin');
  });
  afterAll(async () => {
    await streams.stop();
    sqs.destroy();
    await stack.stop();
  });

  let caseId = '';
  it('a delivered case is archived once however often the message arrives; the package’s manifest matches its files', async () => {
    const created = await stack.fetch('/api/cases', {
      method: 'POST',
      token: clerk,
      headers: { 'idempotency-key': crypto.randomUUID() },
      json: { itemCode: ID_CARD.code, applicant: person, materialsReceived: ['居民户口簿', '近期免冠照片'] },
    });
    const c = (await json(created)).case;
    caseId = c.id;
    await upload(c.id, '居民户口簿', 'image/png', PNG);
    await upload(c.id, '近期免冠照片', 'application/pdf', PDF);
    const pending = await json(await stack.fetch(`/api/cases/${c.id}/archive`, { token: clerk }));
    expect(pending.archive).toMatchObject({ status: 'pending', files: [] });
    expect((await stack.fetch(`/api/cases/${c.id}/archive/package`, { token: admin })).status).toBe(404);

    let v = 1;
    for (const [action, body] of [
      ['start', {}],
      ['decide', { result: 'approved' }],
      ['deliver', { method: 'pickup', signedBy: '张三丰' }],
    ] as const) {
      const r = await post(`/api/cases/${c.id}/${action}`, { expectedVersion: v++, ...body });
      expect(r.status, await r.clone().text()).toBe(200);
    }
    // 办结 and 送达 each recorded an entry; each message comes three times
    const sent = await pumpArchive(2, 3);
    expect(sent.map((m) => m.id).sort()).toEqual(['v3', 'v4']);
    const record = await dynamoArchiveStore().get(c.id);
    expect(record).toMatchObject({ packageVersion: 1, version: 1 });
    expect(await archiveAudits(c.id)).toBe(1);

    const { archive } = await json(await stack.fetch(`/api/cases/${c.id}/archive`, { token: clerk }));
    expect(archive.status).toBe('archived');
    expect(archive.retention).toBe('30y');
    expect(archive.archiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const k of ['authenticity', 'integrity', 'usability', 'security']) expect(typeof archive.checks[k]).toBe('boolean');
    expect(archive.checks).toMatchObject({ authenticity: true, integrity: true, usability: true });
    for (const f of archive.files) expect(Object.keys(f).sort()).toEqual(['name', 'sha256', 'size']);

    const dl = await stack.fetch(`/api/cases/${c.id}/archive/package`, { token: admin });
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toContain('application/zip');
    const entries = unzipSync(new Uint8Array(await dl.arrayBuffer()));
    const manifest = JSON.parse(new TextDecoder().decode(Object.entries(entries).find(([k]) => k.endsWith('/manifest.json'))![1])) as {
      files: Array<{ name: string; sha256: string; size: number }>;
    };
    for (const f of manifest.files) {
      expect(sha256(entries[f.name]!)).toBe(f.sha256);
      expect(entries[f.name]!.length).toBe(f.size);
    }
    const names = Object.keys(entries);
    expect(names.filter((n) => n.includes('/材料/'))).toHaveLength(2);
    expect(names.some((n) => n.endsWith('受理凭证.pdf'))).toBe(true);
    expect(names.some((n) => n.endsWith('办结通知书.pdf'))).toBe(true);
    expect(entries[names.find((n) => n.endsWith('居民户口簿.png'))!]).toEqual(PNG);

    // the admin finds it by year and number
    const found = await json(await stack.fetch(`/api/archive?year=${archive.archiveDate.slice(0, 4)}&q=${encodeURIComponent(c.number)}`, { token: admin }));
    expect(found.packages.map((p: { caseId: string }) => p.caseId)).toEqual([c.id]);
    // a clerk is no archive admin
    expect((await stack.fetch(`/api/archive?year=2026`, { token: clerk })).status).toBe(403);
  });

  it('a changed input date (a corrected delivery) recomputes the archive date and builds a new version', async () => {
    const store = dynamoCaseStore();
    const prev = (await store.get(caseId))!.record;
    const next = { ...prev, delivery: { ...prev.delivery!, at: '2027-01-06T02:00:00.000Z' }, version: prev.version + 1 };
    await store.commit([{ op: 'update', case: next, expectedVersion: prev.version }, ...archiveWrites(prev, next, new Date())], []);
    await pumpArchive(1, 2);
    const { archive } = await json(await stack.fetch(`/api/cases/${caseId}/archive`, { token: clerk }));
    expect(archive).toMatchObject({ status: 'archived', archiveDate: '2027-01-06', retainUntil: '2058-01-01' });
    expect(await dynamoArchiveStore().get(caseId)).toMatchObject({ packageVersion: 2 });
    expect(await archiveAudits(caseId)).toBe(2);
  });

  it('destruction: refused while the retention lasts; one approval is not enough; a second admin’s destroys it', async () => {
    const early = await post('/api/archive/destruction', { caseId }, admin);
    expect(early.status).toBe(422);
    expect((await json(early)).error.message).toContain('届满前不能销毁');

    // a package whose retention ended (written as the consumer writes one, years ago)
    const packages = s3ArchivePackages(stack.env.BUCKET_ARCHIVE);
    const old = archiveRecord({
      retainUntil: '2020-01-01',
      lockUntil: '2020-01-01',
      archiveDate: '2009-05-01',
      packageKey: `packages/2009/${crypto.randomUUID()}/v1.zip`,
    });
    await packages.put(old.packageKey, new Uint8Array([0x50, 0x4b, 5, 6]), old.lockUntil);
    await dynamoArchiveStore().put(old, 0, {
      actor: { userId: 'system:archive', username: 'archive', officeId: '*', displayName: '归档服务' } as never,
      action: 'archive.package',
      result: 'success',
      sourceIp: 'test',
      userAgent: 'test',
    });
    const list = await json(await stack.fetch('/api/archive/destruction', { token: admin }));
    expect(list.packages.map((p: { caseId: string }) => p.caseId)).toContain(old.caseId);
    expect(list.packages.map((p: { caseId: string }) => p.caseId)).not.toContain(caseId);

    const first = await post('/api/archive/destruction', { caseId: old.caseId }, admin);
    expect(first.status, await first.clone().text()).toBe(200);
    expect(await json(first)).toEqual({ destroyed: false, approvals: 1 });
    expect(await packages.get(old.packageKey)).toBeDefined();
    const again = await post('/api/archive/destruction', { caseId: old.caseId }, admin);
    expect(again.status).toBe(422);
    expect(await packages.get(old.packageKey)).toBeDefined();

    // a second county admin (with the second factor every admin has)
    const secret = demoTotpSecret('admin2.archive');
    const [{ dynamoDirectory }, { hashPassword }] = await Promise.all([
      import('../../../shared/identity/dynamo-directory.ts'),
      import('../../../shared/identity/password.ts'),
    ]);
    const now = new Date().toISOString();
    await dynamoDirectory().commit(
      [
        {
          op: 'create-user',
          user: {
            id: crypto.randomUUID(),
            username: 'admin2.archive',
            displayName: '第二管理员',
            officeId: '411521-center',
            roles: ['county_admin'],
            passwordHash: await hashPassword('Bianmin@2026'),
            mustChangePassword: false,
            totpSecret: secret,
            disabled: false,
            failedLogins: 0,
            createdAt: now,
            updatedAt: now,
          },
        },
      ],
      [],
    );
    const admin2 = await stack.login('admin2.archive', 'Bianmin@2026', new TOTP({ secret: Secret.fromBase32(secret) }).generate());
    const second = await post('/api/archive/destruction', { caseId: old.caseId }, admin2);
    expect(await json(second)).toEqual({ destroyed: true, approvals: 2 });
    expect(await packages.get(old.packageKey)).toBeUndefined();
    expect((await json(await stack.fetch('/api/archive/destruction', { token: admin }))).packages.map((p: { caseId: string }) => p.caseId)).not.toContain(
      old.caseId,
    );
  });

  it('移交: the year’s packages and a 移交清单 in one zip', async () => {
    const { archive } = await json(await stack.fetch(`/api/cases/${caseId}/archive`, { token: clerk }));
    const r = await stack.fetch(`/api/archive/transfer?year=${archive.archiveDate.slice(0, 4)}`, { token: admin });
    expect(r.status).toBe(200);
    const entries = unzipSync(new Uint8Array(await r.arrayBuffer()));
    expect(Object.keys(entries)).toContain(`${archive.archiveCode}.zip`);
    const csv = new TextDecoder().decode(entries['移交清单.csv']);
    expect(csv).toContain('档号,办件编号,事项名称,保管期限,归档日期');
    expect(csv).toContain(archive.archiveCode);
  });
});
