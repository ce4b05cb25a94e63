import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { newPage, signIn, useBrowserStack } from './helpers.ts';

/** The error shown under the form field labelled `label` (antd puts it in the item's explain area). */
const fieldError = (page: Page, label: string) => page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) }).locator('.ant-form-item-explain-error');

/** Field errors from the server land on their fields; what cannot be placed shows above the form. */
describe('UX: forms, time, receipt, front door', () => {
  const ctx = useBrowserStack();

  it('受理: a bad ID number warns as typed, and the server message lands under the ID field', async () => {
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
    await page.goto(`${ctx.stack.url}/cases/new`);
    await page.getByTestId('item-select').click();
    await page.keyboard.type('sfz');
    await page.getByText(/^居民身份证核发（/).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('姓名').fill('王小明');
    // wrong check digit (the right one is X)
    await page.getByLabel('居民身份证号码').fill('110105194912310021');
    await page.locator('.ant-form-item-explain-warning').filter({ hasText: '校验码' }).waitFor();
    await page.getByLabel('手机号码').fill('13912345678');
    await page.getByRole('button', { name: /出具一次性告知书|受理并打印凭证/ }).click();
    const err = fieldError(page, '居民身份证号码');
    await err.waitFor();
    await expect(err.innerText()).resolves.toContain('居民身份证号码有误');
    expect(page.url()).toMatch(/\/cases\/new$/);
    expect(page.errors).toEqual([]);
  });

  it('工作日历: an impossible date shows under the holidays field', async () => {
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'admin', DEMO_PASSWORD, () => ctx.stack.totp('admin'));
    await page.goto(`${ctx.stack.url}/calendar`);
    const holidays = page.getByLabel(/法定节假日/);
    await page.waitForFunction(() => !document.querySelector('textarea')?.disabled);
    const year = await page.locator('.ant-input-number-input').inputValue();
    await holidays.fill(`${year}-13-01`);
    await page.getByLabel('依据').fill('测试');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    const err = fieldError(page, '法定节假日（每行一个日期，YYYY-MM-DD）');
    await err.waitFor();
    await expect(err.innerText()).resolves.toContain(`${year}-13-01`);
    expect(page.errors).toEqual([]);
  });
});
