import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { startStreams, type StreamRunner } from '../../local/streams.ts';
import { startFakeProvince, type FakeProvince } from '../../local/fake-province.ts';
import { applyEnv } from '../../local/env.ts';
import { loadCountyConfig } from '../../infra/config/county-config.ts';
import { demoItems } from '../../shared/catalog/demo-catalog.ts';
import { deliverRecord } from '../../shared/exchange/deliver.ts';
import { exchangePorts } from '../../shared/exchange/wiring.ts';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { sqsOf } from '../integration/network/support.ts';
import { newPage, signIn, useBrowserStack } from './helpers.ts';

/**
 * 省平台对接 as the county admin uses it: a case's 受理 record is rejected by the (fake) province
 * because its catalog does not know the item's code; the admin opens the page from the menu, sees the
 * day's counts and the rejected record with the province's reason, corrects the 事项编码 in the
 * dialog (which asks first; an empty note is refused on its field) and re-sends it — the province
 * acknowledges it and the page says so.
 */
describe('省平台对接: a rejected record corrected and re-sent', () => {
  const ctx = useBrowserStack();
  const county = loadCountyConfig('411521');
  let fake: FakeProvince;
  let sqs: SQSClient;
  let streams: StreamRunner;
  beforeAll(async () => {
    const ep = inject('emulators');
    fake = await startFakeProvince({ province: county.exchange?.province });
    applyEnv(Object.assign(ctx.stack.env, { EXCHANGE_ENDPOINT_OVERRIDE: fake.url }));
    sqs = sqsOf();
    streams = startStreams({ endpoint: ep.dynamodb, region: ep.region, env: ctx.stack.env, log: () => undefined, idleMs: 100 });
  });
  afterAll(async () => {
    await streams?.stop();
    sqs?.destroy();
    await fake?.stop();
  });

  it('shows the reason, asks first, and the corrected record is acknowledged', { timeout: 180_000 }, async () => {
    const item = demoItems().find((i) => i.name === '居民身份证核发')!;
    const token = await ctx.stack.login('clerk.county');
    const res = await ctx.stack.fetch('/api/cases', {
      method: 'POST',
      token,
      headers: { 'idempotency-key': crypto.randomUUID() },
      json: {
        itemCode: item.code,
        applicant: { type: 'person', name: '赵六', idNumber: '11010519491231002X', phone: '13955550124' },
        materialsReceived: item.materials.filter((m) => m.required).map((m) => m.name),
      },
    });
    expect(res.status).toBe(201);
    const c = ((await res.json()) as { case: { id: string; number: string } }).case;
    // the stream relays the 受理 record to the exchange queue; the province refuses the item's code
    let messageId = '';
    for (let i = 0; i < 40 && !messageId; i++) {
      const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: ctx.stack.env.QUEUE_EXCHANGE!, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      messageId = (r.Messages ?? []).find((m) => (JSON.parse(m.Body!) as { subject: string }).subject === c.id)?.MessageId ?? '';
    }
    expect(messageId).not.toBe('');
    fake.rejectItem(item.code, `事项编码 ${item.code} 不在省级事项库中`);
    expect(await deliverRecord(exchangePorts(), { caseId: c.id, id: '000001-accepted' }, { claim: messageId, receives: 1 })).toEqual({
      done: true,
      outcome: 'rejected',
    });
    fake.rejectItem(item.code, undefined);

    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'admin', DEMO_PASSWORD, () => ctx.stack.totp('admin'));
    await page.getByTestId('nav').getByText('省平台对接').click();
    await page.waitForURL(/\/exchange$/);
    await page.getByRole('heading', { name: '省平台对接' }).waitFor();
    expect(await page.getByTestId('exchange-counts').innerText()).toMatch(/被退回\s*1/);
    // the manual fallback is one click away
    expect(await page.getByRole('link', { name: '省级上报文件' }).getAttribute('href')).toBe('/ratings/feed');
    const row = page.getByTestId('exchange-rejected').locator('tr', { hasText: c.number });
    await row.waitFor();
    expect(await row.innerText()).toContain('不在省级事项库中');

    await row.getByRole('button', { name: /更正后重发/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('确认后，这条记录将按更正后的内容重新推送省平台').waitFor();
    await dialog.getByRole('button', { name: '确认重发' }).click();
    await dialog.getByText('请写明更正内容').waitFor();
    await dialog.getByLabel('省级事项编码').fill(`P${item.code}`);
    await dialog.getByLabel('更正说明').fill('改为省级事项库中的编码');
    await dialog.getByRole('button', { name: '确认重发' }).click();
    await page.getByText('省平台已确认接收').waitFor();
    await page.getByTestId('exchange-rejected').getByText('当日没有被退回的记录').waitFor();
    const line = page.getByTestId('exchange-records').locator('tr', { hasText: c.number });
    expect(await line.innerText()).toContain('已确认');
    expect(fake.received.filter((r) => r.caseNumber === c.number && r.answer === 'acknowledged').map((r) => r.fields.TASK_CODE)).toEqual([`P${item.code}`]);
    // nothing of the applicant beyond the masked name, on the page or at the province
    expect(await page.locator('body').innerText()).not.toContain('13955550124');
    expect(JSON.stringify(fake.received)).not.toMatch(/13955550124|11010519491231002X|赵六/);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
