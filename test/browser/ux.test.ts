import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { newPage, signIn, useBrowserStack } from './helpers.ts';

/** The error shown under the form field labelled `label` (antd puts it in the item's explain area). */
const fieldError = (page: Page, label: string) =>
  page
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .locator('.ant-form-item-explain-error');

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
    await err
      .filter({ hasText: `${year}-13-01` })
      .first()
      .waitFor();
    await expect(
      err
        .filter({ hasText: `${year}-13-01` })
        .first()
        .innerText(),
    ).resolves.toContain(`${year}-13-01`);
    expect(page.errors).toEqual([]);
  });
});

describe('UX: Beijing time and the receipt QR', () => {
  const ctx = useBrowserStack();

  it('a browser in another time zone shows the receipt’s 受理 time on the detail and timeline; the QR opens the status with no phone digits', async () => {
    // Los Angeles: a page that formats with the browser's zone would differ by 15–16 hours
    const page = Object.assign(await ctx.browser.newPage({ viewport: { width: 1280, height: 900 }, timezoneId: 'America/Los_Angeles' }), {
      errors: [] as string[],
    });
    page.on('pageerror', (e) => page.errors.push(e.message));
    await signIn(page, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
    await page.goto(`${ctx.stack.url}/cases/new`);
    await page.getByTestId('item-select').click();
    await page.keyboard.type('sfz');
    await page.getByText(/^居民身份证核发（/).click();
    await page.getByLabel(/居民户口簿/).check();
    await page.getByLabel(/近期免冠照片/).check();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('姓名').fill('王小明');
    await page.getByLabel('居民身份证号码').fill('11010519491231002X');
    await page.getByLabel('手机号码').fill('13912345678');
    await page.getByRole('button', { name: '受理并打印凭证' }).click();
    const doc = await page.getByTestId('doc').innerText();
    const printed = /已于 (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) 受理/.exec(doc)?.[1];
    expect(printed).toBeTruthy();
    // the same instant on Beijing's clock, computed here independently of the page
    const now = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(printed!.slice(0, 10)).toBe(now);
    const href = await page.locator('img[data-href*="/status/"]').getAttribute('data-href');
    expect(href).toMatch(/\/status\/411521-\d{8}-\d{4}\?code=[0-9A-Za-z]{10}$/);

    await page.getByRole('button', { name: '返回办件' }).click();
    const details = page.getByTestId('case-details');
    await details.waitFor();
    await expect(details.innerText()).resolves.toContain(printed!);
    await expect(page.locator('.ant-timeline').innerText()).resolves.toContain(`${printed!} 受理`);

    // the citizen scans the QR: no phone digits asked, the case and its plain-words timeline shown
    const citizen = await newPage(ctx.browser, { width: 390, height: 844 });
    await citizen.goto(href!);
    const status = citizen.getByTestId('public-status');
    await status.waitFor();
    const text = await status.innerText();
    expect(text).toContain('王*明');
    expect(text).toContain(printed!);
    expect(text).toContain('窗口已收件并受理');
    expect(text).not.toContain('clerk.lingshan');
    await expect(citizen.getByLabel('申请人手机号后四位').count()).resolves.toBe(0);

    // the front door: 进度查询 with the number and the phone's last four digits
    const number = /\/status\/([^?]+)/.exec(href!)![1]!;
    await citizen.goto(`${ctx.stack.url}/`);
    await citizen.getByTestId('center-info').waitFor();
    await citizen.getByLabel('受理编号').fill(number);
    await citizen.getByLabel('申请人手机号后四位').fill('5678');
    await citizen.getByRole('button', { name: '查询进度' }).click();
    await citizen.getByTestId('public-timeline').waitFor();
    await expect(citizen.getByTestId('public-status').innerText()).resolves.toContain(number);
    expect(page.errors).toEqual([]);
    expect(citizen.errors).toEqual([]);
  });
});

describe('UX: legal documents', () => {
  const ctx = useBrowserStack();

  it('不予受理通知书 to an organisation: 贵单位, the 复议机关 and court with their periods, a line for the applicant to sign', async () => {
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
    await page.goto(`${ctx.stack.url}/cases/new`);
    await page.getByTestId('item-select').click();
    await page.keyboard.type('sfz');
    await page.getByText(/^居民身份证核发（/).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('单位').check();
    await page.getByLabel('单位名称').fill('罗山县示例有限公司');
    await page.getByLabel('统一社会信用代码').fill('91411521MA0000001C');
    await page.getByLabel('手机号码').fill('13912345678');
    await page.getByLabel(/不予受理（/).check();
    await page.getByLabel('不予受理理由').fill('本事项须由申请人本人办理');
    await page.getByRole('button', { name: '出具不予受理通知书' }).click();
    const doc = await page.getByTestId('doc').innerText();
    expect(doc).toContain('不予受理通知书');
    expect(doc).toContain('贵单位于');
    expect(doc).not.toContain('你（单位）');
    const remedy = await page.getByTestId('legal-remedy').innerText();
    expect(remedy).toContain('六十日内向罗山县人民政府申请行政复议');
    expect(remedy).toContain('六个月内向罗山县人民法院提起行政诉讼');
    await expect(page.getByTestId('applicant-sign').innerText()).resolves.toContain('申请人（签收）');
    expect(page.errors).toEqual([]);
  });

  it('不予受理 because the matter is not this office’s: the clerk must name the office, and the notice sends the applicant there', async () => {
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
    await page.goto(`${ctx.stack.url}/cases/new`);
    await page.getByTestId('item-select').click();
    await page.keyboard.type('sfz');
    await page.getByText(/^居民身份证核发（/).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('姓名').fill('赵六');
    await page.getByLabel('居民身份证号码').fill('11010519491231002X');
    await page.getByLabel('手机号码').fill('13912345678');
    await page.getByLabel(/不予受理（/).check();
    await page.getByLabel('不属于本机关职权范围').check();
    await page.getByLabel('不予受理理由').fill('申请人户籍在外县，应回户籍地办理');
    await page.getByRole('button', { name: '出具不予受理通知书' }).click();
    // nothing is issued until the office is named, and the message sits on that field
    await page.locator('.ant-form-item-explain-error', { hasText: '请写明应向哪个机关申请' }).waitFor();
    await page.getByLabel('应向哪个机关申请').fill('申请人户籍所在地公安机关户籍窗口');
    await page.getByRole('button', { name: '出具不予受理通知书' }).click();
    const doc = await page.getByTestId('doc').innerText();
    expect(doc).toContain('不属于本机关职权范围');
    expect(doc).toContain('请向申请人户籍所在地公安机关户籍窗口申请');
    expect(page.errors).toEqual([]);
  });
});

describe('UX: phones and small things', () => {
  const ctx = useBrowserStack();

  it('a guide on a 390×844 phone lists materials as cards, none narrower than four characters; the favicon exists', async () => {
    const page = await newPage(ctx.browser, { width: 390, height: 844 });
    await page.goto(`${ctx.stack.url}/items?q=sfz`);
    await page
      .getByText(/^居民身份证核发/)
      .first()
      .click();
    const cards = page.getByTestId('material-cards');
    await cards.waitFor();
    await expect(page.locator('.materials-table').isVisible()).resolves.toBe(false);
    const widths = await page.locator('.material-card').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    const fontPx = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(widths.length).toBeGreaterThan(0);
    for (const w of widths) expect(w).toBeGreaterThanOrEqual(4 * fontPx);
    const icon = await page.request.get(`${ctx.stack.url}/favicon.svg`);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('svg');
    expect(page.errors).toEqual([]);
  });
});
