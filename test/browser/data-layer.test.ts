import { describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { newPage, signIn, useBrowserStack } from './helpers.ts';

/** What a gateway in front of the API answers when the function behind it is down. */
const GATEWAY_502 = {
  status: 502,
  contentType: 'text/html',
  body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
};

/** A row of a work list, as the API would send it (only what the table shows matters). */
const row = (n: number, statusLabel: string) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  number: `411521-20261122-000${n}`,
  itemName: '居民身份证核发',
  kind: 'promised',
  status: 'accepted',
  statusLabel,
  applicantName: '王*明',
  dueDate: '2026-12-01',
  officeId: 'x',
  version: 1,
});

const casesList = (view: string) => (u: URL) => u.pathname === '/api/cases' && u.searchParams.get('view') === view;

/** The web's data layer: errors the user can read, never another tab's rows. */
describe('web data layer', () => {
  const ctx = useBrowserStack();
  const clerk = async (): Promise<Page & { errors: string[] }> => {
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
    return page;
  };

  it('an HTML 502 from a gateway becomes a Chinese message with the status, and 重试 recovers', async () => {
    const page = await clerk();
    const anyList = (u: URL) => u.pathname === '/api/cases';
    await page.route(anyList, (r) => r.fulfill(GATEWAY_502));
    await page.goto(`${ctx.stack.url}/cases`);
    await expect(page.getByTestId('cases-error').innerText()).resolves.toContain('服务暂时不可用，请稍后重试（502）');

    await page.unroute(anyList);
    // 全部 is the first tab
    await page.route(casesList('all'), (r) => r.fulfill({ json: { cases: [row(1, '已受理')] } }));
    await page.getByRole('button', { name: /重\s*试/ }).click();
    await page.getByTestId('cases-table').getByText('411521-20261122-0001').waitFor();
    await expect(page.getByTestId('cases-error').count()).resolves.toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('a case page whose load fails shows the error instead of a blank page', async () => {
    const page = await clerk();
    await page.route(
      (u) => u.pathname.startsWith('/api/cases/'),
      (r) => r.fulfill(GATEWAY_502),
    );
    await page.goto(`${ctx.stack.url}/cases/00000000-0000-4000-8000-000000000001`);
    const shown = await page.getByTestId('load-error').innerText();
    expect(shown).toContain('无法显示办件');
    expect(shown).toContain('（502）');
    expect(page.errors).toEqual([]);
  });

  it('a failed login through a gateway shows the status, not a JSON parse error', async () => {
    const page = await newPage(ctx.browser);
    await page.route(
      (u) => u.pathname === '/api/auth/login',
      (r) => r.fulfill(GATEWAY_502),
    );
    await page.goto(`${ctx.stack.url}/login`);
    await page.getByLabel('用户名').fill('clerk.lingshan');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    const text = await page.getByTestId('login-error').innerText();
    expect(text).toContain('服务暂时不可用，请稍后重试（502）');
    expect(text).not.toMatch(/JSON|Unexpected token/);
    expect(page.errors).toEqual([]);
  });

  it('a quick tab switch cancels the slow list and never shows its rows under the new tab', async () => {
    const page = await clerk();
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    // the first tab (全部) is slow
    await page.route(casesList('all'), async (r: Route) => {
      await released;
      // the page has given up on this request by now: fulfilling it fails, and that is the point
      await r.fulfill({ json: { cases: [row(1, '已受理')] } }).catch(() => undefined);
    });
    await page.route(casesList('decided'), (r) => r.fulfill({ json: { cases: [row(2, '已办结')] } }));

    const slow = page.waitForRequest((req) => req.url().includes('view=all'));
    await page.goto(`${ctx.stack.url}/cases`);
    await slow;
    const cancelled = page.waitForEvent('requestfailed', (req) => req.url().includes('view=all'));
    await page.getByRole('tab', { name: '已办结' }).click();
    await page.getByTestId('cases-table').getByText('411521-20261122-0002').waitFor();
    await cancelled; // the superseded request was aborted (the query's signal), not left to land late
    release();

    const table = page.getByTestId('cases-table');
    await expect(table.getByText('411521-20261122-0001').count()).resolves.toBe(0);
    await expect(table.getByText('411521-20261122-0002').count()).resolves.toBe(1);
    expect(page.errors).toEqual([]);
  });
});
