import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { startFakeSms, type FakeSms } from '../../local/fake-sms.ts';
import { fakeSmsEnv, withSite } from '../../local/notices-env.ts';
import { applyEnv } from '../../local/env.ts';
import { loadCountyConfig } from '../../infra/config/county-config.ts';
import { demoItems } from '../../shared/catalog/demo-catalog.ts';
import { deliverNotice } from '../../shared/notices/deliver.ts';
import { deliverPorts } from '../../shared/notices/wiring.ts';
import { newPage, signIn, useBrowserStack } from './helpers.ts';

/**
 * 短信（演示）: a clerk takes in a 低保 case at 灵山镇; the 受理 text reaches the local fake
 * provider (sent with a fake clock at noon Beijing time: no quiet hours whenever the test runs);
 * the staff page shows it, labelled 演示, with the phone masked and the case number in the text.
 */
describe('短信（演示）: what the local fake SMS provider received', () => {
  const ctx = useBrowserStack();
  const county = loadCountyConfig('411521');
  let fake: FakeSms;
  let stopped = false;
  beforeAll(async () => {
    fake = await startFakeSms(fakeSmsEnv.fakeOptions(county));
    applyEnv(Object.assign(ctx.stack.env, fakeSmsEnv.env(county, fake), withSite(ctx.stack.env, ctx.stack.url)));
  });
  afterAll(async () => {
    if (fake && !stopped) await fake.stop();
  });

  it('shows the 受理 text with the phone masked, labelled 演示, opened from the staff menu', { timeout: 180_000 }, async () => {
    const item = demoItems().find((i) => i.name === '城乡最低生活保障对象认定')!;
    const token = await ctx.stack.login('clerk.lingshan');
    const phone = '13955550123';
    const res = await ctx.stack.fetch('/api/cases', {
      method: 'POST',
      token,
      headers: { 'idempotency-key': crypto.randomUUID() },
      json: {
        itemCode: item.code,
        applicant: { type: 'person', name: '赵六', idNumber: '11010519491231002X', phone },
        materialsReceived: item.materials.filter((m) => m.required).map((m) => m.name),
      },
    });
    expect(res.status).toBe(201);
    const c = ((await res.json()) as { case: { id: string; number: string } }).case;
    const sent = await deliverNotice(
      { ...deliverPorts(), clock: () => new Date('2026-12-08T12:00:00+08:00') },
      { caseId: c.id, id: 'accepted#sms#applicant' },
      { claim: 'browser-test', receives: 1, lastReceive: false },
    );
    expect(sent).toEqual({ done: true, outcome: 'sent' });

    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
    await page.goto(`${ctx.stack.url}/workbench`);
    await page
      .getByRole('menuitem', { name: /短信（演示）/ })
      .first()
      .click();
    await page.waitForURL(/\/notices\/demo-inbox$/);
    await page.getByRole('heading', { name: '短信（演示）' }).waitFor();
    expect(await page.getByTestId('demo-inbox-note').innerText()).toContain('演示');
    const row = page.getByTestId('demo-inbox').getByRole('row').filter({ hasText: c.number });
    await row.waitFor({ timeout: 30_000 });
    const line = await row.innerText();
    expect(line).toContain('139****0123');
    expect(line).toContain('阿里云短信');
    expect(line).toMatch(/【罗山县政务服务】您申请的城乡最低生活保障对象认定已受理/);
    // the whole phone is nowhere on the page
    expect(await page.locator('body').innerText()).not.toContain(phone);
    expect(page.errors).toEqual([]);

    // the page and its menu entry are the demo's: without the fake, the route answers 404 with a Chinese message
    await fake.stop();
    stopped = true;
    await page.reload();
    await page.getByText('模拟短信平台未在运行').waitFor({ timeout: 30_000 });
    await page.close();
  });
});
