import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { newPage, signIn, useBrowserStack } from './helpers.ts';

/**
 * What people could not find, end to end in Chromium: a citizen's search finds nothing (and is
 * offered 你是不是要找…); the county admin sees it under 搜索未命中, adds it as a 俗称 of the item
 * people meant in one click; the citizen's same search now finds that item.
 */
const ctx = useBrowserStack();
const QUERY = '火星救援';

describe('搜索未命中 → 添加为俗称', () => {
  it('a search that found nothing twice is listed for the admin, made findable in one click, and found', async () => {
    const { stack, browser } = ctx;
    const citizen = await newPage(browser, { width: 412, height: 915 });
    for (let i = 0; i < 2; i++) {
      await citizen.goto(`${stack.url}/items?q=${encodeURIComponent(QUERY)}`);
      await citizen.getByText(`没有找到“${QUERY}”相关的事项`, { exact: false }).waitFor();
    }
    // typing help: completions while typing, 你是不是要找… for a pinyin slip
    await citizen.goto(`${stack.url}/items`);
    await citizen.getByRole('textbox', { name: '搜索事项' }).fill('jumingshen');
    await citizen.getByTestId('did-you-mean').getByRole('link', { name: '居民身份证核发', exact: true }).waitFor();
    await citizen.getByRole('navigation', { name: '输入提示' }).getByRole('button', { name: '居民身份证核发', exact: true }).waitFor();

    const admin = await newPage(browser);
    await signIn(admin, stack.url, 'admin', DEMO_PASSWORD, () => stack.totp('admin'));
    await admin.getByRole('link', { name: '搜索未命中' }).first().click();
    const row = admin.getByRole('row', { name: new RegExp(QUERY) });
    await row.waitFor();
    await expect(row.getByRole('cell').nth(1).innerText()).resolves.toBe('2');
    await row.getByRole('button', { name: '添加为俗称…' }).click();
    const dialog = admin.getByRole('dialog');
    await expect(dialog.getByLabel('俗称').inputValue()).resolves.toBe(QUERY);
    await dialog.getByLabel('群众要找的事项').fill('最低生活');
    await admin.locator('.ant-select-item-option', { hasText: '城乡最低生活保障对象认定' }).click();
    await dialog.getByRole('button', { name: '添加并发布' }).click();
    await row.getByText('已添加为“城乡最低生活保障对象认定”的俗称').waitFor();

    await citizen.goto(`${stack.url}/items?q=${encodeURIComponent(QUERY)}`);
    await citizen.locator('[data-testid=item-results] [data-code="LS-03-001"]').waitFor();
    expect(citizen.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
  }, 180_000);
});
