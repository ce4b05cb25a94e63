import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { acceptCase, decideCase } from '../integration/ratings/support.ts';
import { newPage, signIn, useBrowserStack } from './helpers.ts';

/**
 * 窗口评价 and 办件 both show the office's 已办结 list. They once cached it under one key in two
 * shapes (a plain list and an infinite list): whichever page came second read the other's data and
 * blanked the app or showed nothing. Walked in both orders through the menu, so the cache is kept.
 */
describe('one key, one shape: 窗口评价 and 办件 share the case lists', () => {
  const ctx = useBrowserStack();
  let decided = '';

  const clerk = async (): Promise<Page & { errors: string[] }> => {
    if (!decided) {
      const token = await ctx.stack.login('clerk.lingshan');
      const c = await acceptCase(ctx.stack, token);
      await decideCase(ctx.stack, token, c);
      decided = c.number;
    }
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
    return page;
  };
  const windowPage = async (page: Page) => {
    await page.getByTestId('nav').getByText('窗口评价').click();
    // 已办结 is the page's first view
    await page.getByTestId(`push-${decided}`).waitFor();
  };
  const casesDecided = async (page: Page) => {
    await page.getByTestId('nav').getByText('办件', { exact: true }).click();
    await page.getByRole('tab', { name: '已办结' }).click();
    await page.getByTestId('cases-table').getByText(decided).waitFor();
  };

  it('窗口评价 then 办件 → 已办结: the list shows, nothing blanks', async () => {
    const page = await clerk();
    await windowPage(page);
    await casesDecided(page);
    await expect(page.getByTestId('page-crash').count()).resolves.toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('办件 → 已办结 then 窗口评价: the evaluator list is not empty', async () => {
    const page = await clerk();
    await casesDecided(page);
    await windowPage(page);
    await expect(page.getByTestId('page-crash').count()).resolves.toBe(0);
    expect(page.errors).toEqual([]);
  });

  it('a page that fails to render shows 页面出错了 in its place; the menu still works', async () => {
    const page = await clerk();
    // a malformed answer (an object where the 类型 tag expects text) makes React throw while rendering
    await page.route(
      (u) => u.pathname === '/api/cases' && u.searchParams.get('view') === 'all',
      (r) => r.fulfill({ json: { cases: [{ id: 'x', number: 'x', kind: { not: 'text' } }] } }),
    );
    await page.getByTestId('nav').getByText('办件', { exact: true }).click();
    await page.getByTestId('page-crash').getByText('页面出错了').waitFor();
    await expect(page.getByTestId('who').isVisible()).resolves.toBe(true);
    await page.getByTestId('nav').getByText('工作日历').click();
    await page.waitForURL('**/calendar');
    await page.getByTestId('page-crash').waitFor({ state: 'detached' });
  });
});
