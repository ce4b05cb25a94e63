import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { newPage, signIn, useBrowserStack } from './helpers.ts';
import { demoItems } from '../../shared/catalog/demo-catalog.ts';
import { intake } from '../../shared/cases/intake.ts';
import { lifecycle } from '../../shared/cases/lifecycle.ts';
import { casePorts } from '../../shared/app/wiring.ts';
import type { Principal } from '../../shared/identity/principal.ts';
import { DEFAULT_ROLE_SCOPES } from '../../shared/platform/scopes.ts';
import { scanOverdue } from '../../shared/supervision/overdue-scan.ts';
import { scanPorts, supervisionRules } from '../../shared/supervision/wiring.ts';

/**
 * 电子监察 in the browser: the supervisor sees the unread count, opens the alert and issues a
 * 督办; the office's head answers it; the dashboards render with data at desktop size. The cards
 * come from the scan run "as if" days ago on the same tables (cases taken in by the use cases).
 */
const item = demoItems().find((i) => i.name === '居民户口簿遗失补发')!;
const clerk: Principal = {
  userId: 'u1',
  username: 'clerk.lingshan',
  displayName: '窗口',
  officeId: '411521-lingshan',
  roles: ['window_clerk'],
  scopes: [...DEFAULT_ROLE_SCOPES.window_clerk],
  sessionId: 's',
};
const meta = { sourceIp: '127.0.0.1', userAgent: 'browser-test' };

describe('电子监察 in the browser', () => {
  const ctx = useBrowserStack();
  let number = '';

  it('the supervisor sees the unread count, opens the alert and issues a 督办', async () => {
    // a case taken in ten days ago, due five working days later: red now
    const now = new Date();
    const tenDaysAgo = new Date(now.getTime() - 10 * 86_400_000);
    const take = async (at: Date) =>
      (
        await intake(
          { ...casePorts(), clock: () => at },
          clerk,
          {
            itemCode: item.code,
            applicant: { type: 'person', name: '王小明', idNumber: '11010519491231002X', phone: '13912345678' },
            materialsReceived: item.materials.filter((m) => m.required).map((m) => m.name),
            idempotencyKey: crypto.randomUUID(),
          },
          meta,
        )
      ).case;
    const k = await take(tenDaysAgo);
    const done = await take(tenDaysAgo);
    await lifecycle.decide(
      { ...casePorts(), clock: () => new Date(tenDaysAgo.getTime() + 86_400_000) },
      clerk,
      { id: done.id, expectedVersion: 1, result: 'approved' },
      meta,
    );
    number = k.number;
    await scanOverdue({ ...scanPorts(), clock: () => now }, supervisionRules());

    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'supervisor', DEMO_PASSWORD, () => ctx.stack.totp('supervisor'));
    const badge = page.getByTestId('unread-count').locator('sup');
    await badge.waitFor();
    await expect(badge.getAttribute('title')).resolves.toMatch(/^[1-9]\d* 条未读预警$/);

    await page.getByTestId('alerts-menu').click();
    const row = page.getByTestId('alerts-table').locator('tr', { hasText: number });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/红牌[\s\S]*已超过承诺时限/);
    const unread = Number((await badge.getAttribute('title'))!.match(/\d+/)![0]);
    // from the alert to the case: its timeline carries the card
    await row.getByRole('link', { name: number }).click();
    await page.getByText(/红牌：已超过承诺时限/).waitFor();
    await page.goBack();
    await row.waitFor();
    await row.getByRole('button', { name: /督\s*办/ }).click();

    await page.getByTestId('order-requirement').fill('请说明超期原因，并于期限内办结、书面反馈');
    await page.getByTestId('order-deadline').fill('2');
    await page.getByTestId('order-submit').click();
    await page.getByTestId('orders-table').locator('tr', { hasText: number }).waitFor();
    await expect(page.getByTestId('orders-table').locator('tr', { hasText: number }).innerText()).resolves.toContain('待反馈');

    // acknowledged: it leaves the unread list and the menu's count goes down by one
    await page.getByTestId('alerts-menu').click();
    await row.waitFor();
    await row.getByRole('button', { name: /确\s*认/ }).click();
    await row.waitFor({ state: 'detached' });
    await page.waitForFunction((n) => {
      const sup = document.querySelector('[data-testid="unread-count"] sup');
      return n === 0 ? !sup : sup?.getAttribute('title') === `${n} 条未读预警`;
    }, unread - 1);
    expect(page.errors).toEqual([]);
  });

  it('the office’s head answers the 督办', async () => {
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'head.lingshan', DEMO_PASSWORD, () => ctx.stack.totp('head.lingshan'));
    await page.goto(`${ctx.stack.url}/supervision/orders`);
    const row = page.getByTestId('orders-table').locator('tr', { hasText: number });
    await row.waitFor();
    await row.getByTestId('order-respond').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByTestId('order-response').fill('因材料需上级核验延误，已于今日办结');
    await dialog.getByRole('button', { name: /提交反馈/ }).click();
    await page.getByRole('tab', { name: '已反馈' }).click();
    await page.getByTestId('orders-table').locator('tr', { hasText: number }).waitFor();
    await expect(page.getByTestId('orders-table').locator('tr', { hasText: number }).innerText()).resolves.toContain('已反馈');
    expect(page.errors).toEqual([]);
  });

  it('the dashboards render with data at desktop size', async () => {
    const page = await newPage(ctx.browser, { width: 1440, height: 900 });
    await signIn(page, ctx.stack.url, 'supervisor', DEMO_PASSWORD, () => ctx.stack.totp('supervisor'));
    await page.goto(`${ctx.stack.url}/dashboard`);
    await page.getByTestId('stat-on-time-rate').waitFor();
    await expect(page.getByTestId('stat-on-time-rate').innerText()).resolves.toMatch(/\d+(\.\d)?%/);
    await expect(page.getByTestId('stat-overdue').innerText()).resolves.toMatch(/[1-9]/);
    await expect(page.getByTestId('stat-cards').innerText()).resolves.toMatch(/\d+ \/ [1-9]\d* \/ \d+/);
    // the charts drew on their canvases, the 黑榜 lists the office with the red card
    for (const id of ['chart-months', 'chart-cards']) {
      const canvas = page.getByTestId(id).locator('canvas').first();
      await canvas.waitFor();
      const box = (await canvas.boundingBox())!;
      expect(box.width).toBeGreaterThan(300);
      expect(box.height).toBeGreaterThan(200);
    }
    await expect(page.getByTestId('ranking-black').innerText()).resolves.toContain('灵山镇');
    const download = page.waitForEvent('download');
    await page.getByTestId('dashboard-export').click();
    expect((await download).suggestedFilename()).toMatch(/^电子监察统计-\d{4}-\d{2}至\d{4}-\d{2}\.xlsx$/);
    expect(page.errors).toEqual([]);
  });
});
