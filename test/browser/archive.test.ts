import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { readFile } from 'node:fs/promises';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse } from 'aws-lambda';
import { unzipSync } from 'fflate';
import { startStreams, type StreamRunner } from '../../local/streams.ts';
import { loadHandler } from '../../local/modules.ts';
import { lambdaContext } from '../../local/lambda-context.ts';
import { sha256 } from '../../shared/archive/package.ts';
import { dynamoArchiveStore } from '../../shared/archive/dynamo-archive.ts';
import { s3ArchivePackages } from '../../shared/archive/s3-archive-packages.ts';
import { bjYear } from '../../shared/platform/beijing-time.ts';
import { archiveRecord } from '../unit/archive/store-contract.ts';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { sqsOf, toRecord } from '../integration/network/support.ts';
import { newPage, signIn, useBrowserStack } from './helpers.ts';

/** A PNG's and a PDF's first bytes: what a 高拍仪 saves, as the server's byte check reads them. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * Materials on file and the electronic archive, as the people do it: a clerk scans two materials at
 * intake (a wrong file is refused on its row), the case is decided and delivered, the archive queue's
 * real consumer builds the package, and the county admin finds it on 电子档案 and downloads it.
 */
describe('scans at intake → the case archived → the admin downloads its package', () => {
  const ctx = useBrowserStack();
  let sqs: SQSClient;
  let streams: StreamRunner;
  beforeAll(() => {
    const ep = inject('emulators');
    sqs = sqsOf();
    streams = startStreams({ endpoint: ep.dynamodb, region: ep.region, env: ctx.stack.env, log: () => undefined, idleMs: 100 });
  });
  afterAll(async () => {
    await streams?.stop();
    sqs?.destroy();
  });

  /** The archive queue's messages (relayed from the case's outbox by the stream runner), handed to its consumer. */
  const pumpArchive = async (want: number) => {
    const got: Array<{ MessageId?: string; ReceiptHandle?: string; Body?: string }> = [];
    for (let i = 0; i < 40 && got.length < want; i++) {
      const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: ctx.stack.env.QUEUE_ARCHIVE!, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      got.push(...(r.Messages ?? []));
    }
    expect(got.length).toBeGreaterThanOrEqual(want);
    const consume = await loadHandler('queues', 'archive');
    const res = (await consume({ Records: got.map((m) => toRecord(m)) }, lambdaContext('archive', 120_000))) as SQSBatchResponse;
    expect(res.batchItemFailures).toEqual([]);
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: ctx.stack.env.QUEUE_ARCHIVE!,
        Entries: got.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
      }),
    );
  };

  it('two scans at intake; after 办结 and 送达 the admin finds the package and its manifest matches its files', async () => {
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
    await page.goto(`${ctx.stack.url}/cases/new`);
    await page.getByTestId('item-select').click();
    await page.keyboard.type('sfz');
    await page.getByText(/^居民身份证核发（/).click();

    // a Word file is refused on its row, in Chinese, before any link is asked for
    await page.getByTestId('file-居民户口簿').setInputFiles({ name: '户口簿.docx', mimeType: 'application/msword', buffer: Buffer.from('PK') });
    await page.getByText('居民户口簿：只接受 PDF、JPEG 或 PNG 文件').waitFor();
    // the scans: picking one ticks its material
    await page.getByTestId('file-居民户口簿').setInputFiles({ name: '户口簿.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('file-近期免冠照片').setInputFiles({ name: '照片.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(page.getByLabel(/居民户口簿/).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel(/近期免冠照片/).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('姓名').fill('王小明');
    await page.getByLabel('居民身份证号码').fill('11010519491231002X');
    await page.getByLabel('手机号码').fill('13912345678');
    await page.getByRole('button', { name: '受理并打印凭证' }).click();
    await page.getByTestId('doc').waitFor();
    const caseId = /\/cases\/([0-9a-f-]{36})\/print/.exec(page.url())![1]!;

    // the case page lists both scans (each opened only through the audited 查看)
    await page.goto(`${ctx.stack.url}/cases/${caseId}`);
    await expect(page.getByTestId('material-file').first().waitFor()).resolves.toBeUndefined();
    await expect(page.getByTestId('material-file').count()).resolves.toBe(2);
    await page
      .getByTestId('archive-panel')
      .getByText(/待归档/)
      .waitFor();
    // 查看 asks for the one-minute link, audited before it is given
    const supervisor = await ctx.stack.login('supervisor');
    const viewed = async () =>
      JSON.stringify(await (await ctx.stack.fetch('/api/audit?action=case.material-view', { token: supervisor })).json()).split(caseId).length - 1;
    await page.getByTestId('material-file').first().getByRole('button', { name: '查看（留痕）' }).click();
    for (let i = 0; i < 40 && (await viewed()) < 1; i++) await page.waitForTimeout(250);
    expect(await viewed()).toBe(1);

    // 开始办理 → 办结 → 送达 through the routes, then the archive queue's consumer
    const clerk = await ctx.stack.login('clerk.lingshan');
    let v = 1;
    for (const [action, body] of [
      ['start', {}],
      ['decide', { result: 'approved' }],
      ['deliver', { method: 'pickup', signedBy: '王小明' }],
    ] as const) {
      const r = await ctx.stack.fetch(`/api/cases/${caseId}/${action}`, { method: 'POST', token: clerk, json: { expectedVersion: v++, ...body } });
      expect(r.status, await r.clone().text()).toBe(200);
    }
    await pumpArchive(2);
    const number = (await (await ctx.stack.fetch(`/api/cases/${caseId}`, { token: clerk })).json()).case.number as string;

    // the clerk's case page: archived, with its checks
    await page.reload();
    const panel = page.getByTestId('archive-panel');
    await panel.getByText('已归档').waitFor();
    expect(await panel.innerText()).toMatch(/真实性通过[\s\S]*完整性通过[\s\S]*可用性通过/);

    // the county admin: 电子档案 → this year → the case number → 下载档案包
    const admin = await newPage(ctx.browser);
    await signIn(admin, ctx.stack.url, 'admin', DEMO_PASSWORD, () => ctx.stack.totp('admin'));
    await admin.getByTestId('nav').getByText('电子档案').click();
    await admin.getByLabel('查找档案').fill(number);
    await admin.getByLabel('查找档案').press('Enter');
    const row = admin.getByTestId('archive-table').locator('tr', { hasText: number });
    await row.waitFor();
    expect(await row.innerText()).not.toContain(caseId);
    const [file] = await Promise.all([admin.waitForEvent('download'), row.getByRole('button', { name: /下载档案包/ }).click()]);
    expect(file.suggestedFilename()).toMatch(new RegExp(`-${number}\\.zip$`));
    const entries = unzipSync(new Uint8Array(await readFile((await file.path())!)));
    const manifestName = Object.keys(entries).find((k) => k.endsWith('/manifest.json'))!;
    const manifest = JSON.parse(new TextDecoder().decode(entries[manifestName])) as { files: Array<{ name: string; sha256: string; size: number }> };
    expect(manifest.files.length).toBeGreaterThanOrEqual(5);
    for (const f of manifest.files) {
      expect(sha256(entries[f.name]!), f.name).toBe(f.sha256);
      expect(entries[f.name]!.length).toBe(f.size);
    }
    const scans = Object.keys(entries).filter((n) => n.includes('/材料/'));
    expect(scans).toHaveLength(2);
    expect(Buffer.from(entries[scans.find((n) => n.endsWith('.png'))!]!)).toEqual(PNG);
    expect(Buffer.from(entries[scans.find((n) => n.endsWith('.pdf'))!]!)).toEqual(PDF);
    expect(page.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
  });
  it('移交 exports the year with its 清单; 鉴定销毁 asks first, and one approval deletes nothing', async () => {
    const admin = await newPage(ctx.browser);
    await signIn(admin, ctx.stack.url, 'admin', DEMO_PASSWORD, () => ctx.stack.totp('admin'));
    await admin.goto(`${ctx.stack.url}/archive`);
    await admin.getByRole('tab', { name: '移交' }).click();
    await admin.getByLabel('移交年度').fill(String(bjYear()));
    const [file] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('transfer-export').click()]);
    expect(file.suggestedFilename()).toBe(`移交-${bjYear()}.zip`);
    const entries = unzipSync(new Uint8Array(await readFile((await file.path())!)));
    const list = new TextDecoder().decode(entries['移交清单.csv']);
    expect(list).toContain('档号,办件编号,事项名称,保管期限,归档日期,档案包SHA-256');
    expect(Object.keys(entries).filter((k) => k.endsWith('.zip')).length).toBeGreaterThanOrEqual(1);

    // a package whose retention ended years ago (written as the consumer writes one)
    const old = archiveRecord({
      archiveCode: '411521-2009-D10-411521-20090501-0001',
      number: '411521-20090501-0001',
      retention: '10y',
      retainUntil: '2020-01-01',
      lockUntil: '2020-01-01',
      archiveDate: '2009-05-01',
      packageKey: `packages/2009/${crypto.randomUUID()}/v1.zip`,
    });
    const packages = s3ArchivePackages(ctx.stack.env.BUCKET_ARCHIVE);
    await packages.put(old.packageKey, new Uint8Array([0x50, 0x4b, 5, 6]), old.lockUntil);
    await dynamoArchiveStore().put(old, 0, {
      actor: { userId: 'system:archive', username: 'archive', officeId: '*', displayName: '归档服务' } as never,
      action: 'archive.package',
      result: 'success',
      sourceIp: 'test',
      userAgent: 'test',
    });
    await admin.getByRole('tab', { name: '鉴定销毁' }).click();
    const row = admin.getByTestId('destruction-table').locator('tr', { hasText: old.archiveCode });
    await row.getByRole('button', { name: `批准销毁 ${old.archiveCode}` }).click();
    // asked first: 取消 changes nothing
    const ask = admin.locator('.ant-popconfirm').filter({ hasText: `批准销毁 ${old.archiveCode}？` });
    await ask.getByText('还须另一位管理员批准后才会删除。').waitFor();
    await ask.getByRole('button', { name: /取\s*消/ }).click();
    expect((await dynamoArchiveStore().get(old.caseId))!.approvals).toEqual([]);
    await row.getByRole('button', { name: `批准销毁 ${old.archiveCode}` }).click();
    await ask.getByRole('button', { name: '确认批准' }).click();
    await admin.getByText('已批准，待另一位管理员批准').waitFor();
    await row.getByText(/演示管理员/).waitFor();
    expect((await dynamoArchiveStore().get(old.caseId))!.approvals).toHaveLength(1);
    expect(await packages.get(old.packageKey)).toBeDefined();
    expect(admin.errors).toEqual([]);
  });
});
