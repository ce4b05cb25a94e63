import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { newPage, signIn, useBrowserStack } from './helpers.ts';

/** A window clerk takes a case from intake to delivery in the browser and prints the receipt. */
describe('办件 in the browser', () => {
  const ctx = useBrowserStack();

  it('intake → receipt (print) → start → decide → deliver, then the citizen checks the status', async () => {
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
    await page.goto(`${ctx.stack.url}/cases/new`);

    // 1. item by pinyin initials
    await page.getByTestId('item-select').click();
    await page.keyboard.type('sfz');
    await page.getByText(/^居民身份证核发（/).click();
    // 2. materials
    await page.getByLabel(/居民户口簿/).check();
    await page.getByLabel(/近期免冠照片/).check();
    await page.getByRole('button', { name: '下一步' }).click();
    // 3. applicant (a valid GB 11643 number)
    await page.getByLabel('姓名').fill('王小明');
    await page.getByLabel('居民身份证号码').fill('11010519491231002X');
    await page.getByLabel('手机号码').fill('13912345678');
    await page.getByRole('button', { name: '受理并打印凭证' }).click();

    // the receipt: dated, numbered, with the due date and a QR code
    const doc = page.getByTestId('doc');
    await doc.waitFor();
    const text = await doc.innerText();
    expect(text).toContain('受理凭证');
    expect(text).toMatch(/编号：411521-\d{8}-\d{4}/);
    expect(text).toContain('承诺办结日期');
    expect(text).not.toContain('11010519491231002X');
    await expect(page.locator('img[alt="办件进度二维码"]').count()).resolves.toBe(1);
    // print CSS: the buttons disappear on paper
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('print').isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    const number = /编号：(411521-\d{8}-\d{4})/.exec(text)![1]!;

    // lifecycle from the detail page
    await page.getByRole('button', { name: '返回办件' }).click();
    // each action is done when its event shows in the timeline (the toast is too brief to wait on)
    const act = async (action: string, title: string, event: RegExp, fill?: () => Promise<void>) => {
      // the previous dialog must be gone (its closing animation) before the next one opens
      await page.waitForFunction(() => document.querySelectorAll('[role=dialog]').length === 0);
      await page.getByTestId(`action-${action}`).click();
      const dialog = page.getByRole('dialog', { name: title });
      await dialog.waitFor();
      if (fill) await fill();
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await page
        .getByText(event)
        .waitFor({ timeout: 15_000 })
        .catch(async (e: Error) => {
          const shown = await page.locator('.ant-message, .ant-form-item-explain-error').allInnerTexts();
          throw new Error(`${action}: ${e.message}; on screen: ${shown.join(' | ')}`);
        });
    };
    await act('start', '开始办理', /开始办理（演示灵山窗口）/);
    await act('decide', '办结', /办结（准予）（演示灵山窗口）/);
    await act('deliver', '送达', /送达（演示灵山窗口）/, () => page.getByLabel('签收人').fill('王小明'));
    await expect(page.getByTestId('case-details').innerText()).resolves.toContain('准予');

    // the citizen, without login
    const citizen = await newPage(ctx.browser, { width: 390, height: 800 });
    await citizen.goto(`${ctx.stack.url}/status/${number}`);
    await citizen.getByLabel('申请人手机号后四位').fill('0000');
    await citizen.getByRole('button', { name: /查\s*询/ }).click();
    await citizen.getByText('未找到该办件').waitFor();
    await citizen.getByLabel('申请人手机号后四位').fill('5678');
    await citizen.getByRole('button', { name: /查\s*询/ }).click();
    const status = await citizen.getByTestId('public-status').innerText();
    expect(status).toContain('已送达');
    expect(status).toContain('王*明');
    expect(page.errors).toEqual([]);
  });

  it("a refused case (不予受理) is found by its number, the applicant's name and phone from the 办件 page, and listed under 不予受理 and 全部", async () => {
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
    await page.goto(`${ctx.stack.url}/cases/new`);
    await page.getByTestId('item-select').click();
    await page.keyboard.type('sfz');
    await page.getByText(/^居民身份证核发（/).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('姓名').fill('赵不予');
    await page.getByLabel('居民身份证号码').fill('11010519491231002X');
    await page.getByLabel('手机号码').fill('13700001111');
    await page.getByLabel(/不予受理（/).check();
    await page.getByLabel('不予受理理由').fill('申请人户籍不在本县');
    await page.getByRole('button', { name: '出具不予受理通知书' }).click();
    const doc = await page.getByTestId('doc').innerText();
    expect(doc).toContain('不予受理通知书');
    const number = /(411521-\d{8}-\d{4})/.exec(doc)![1]!;

    await page.goto(`${ctx.stack.url}/cases`);
    const search = page.getByTestId('case-search').locator('input');
    const results = page.getByTestId('case-search-results');
    for (const q of [number, '赵不予', '13700001111']) {
      await search.fill(q);
      await search.press('Enter');
      await results.getByText(number).waitFor({ timeout: 10_000 });
      await expect(results.innerText()).resolves.toContain('不予受理');
    }
    // a number of no case of this office: found nothing, said so
    await search.fill('411521-20000101-9999');
    await search.press('Enter');
    await results.getByText('未找到本机构可查看的办件').waitFor();
    // the tabs: 全部 (the default) and 不予受理
    await page.getByTestId('cases-table').getByText(number).waitFor();
    await page.getByRole('tab', { name: '不予受理' }).click();
    await page.getByTestId('cases-table').getByText(number).waitFor();
    await page.getByTestId('cases-table').getByText(number).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('case-details').innerText()).resolves.toContain(number);
    expect(page.errors).toEqual([]);
  });
});
