import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestStack, DEMO_PASSWORD, type TestStack } from '../support/local-stack.ts';
import { countyItems, countyWorkbook } from '../unit/catalog/workbook.ts';
import { launchChromium, newPage as openPage, signIn } from './helpers.ts';

/**
 * 事项查询 in a real browser (Debian Chromium) against the built web front and the local
 * gateway, seeded with the demo county: search (Chinese and initials), open a guide, print it
 * (print CSS), 长者版; and, signed in as the county admin, import and the editor's rules.
 */
let stack: TestStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  stack = await startTestStack({ seed: true }); // the county seed includes the demo catalog
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const newPage = async (viewport = { width: 1024, height: 900 }) => {
  const p = await openPage(browser, viewport);
  p.on('pageerror', (e) => console.error('page error:', e.message));
  return p;
};

const resultNames = (p: Page) => p.locator('[data-testid=item-results] .catalog-hit-name').allInnerTexts();

describe('事项查询 (kiosk and phone, no login)', () => {
  beforeAll(async () => {
    page = await newPage({ width: 412, height: 915 }); // a phone
  });

  it('typing 身份证 lists 居民身份证核发 and 临时居民身份证核发 first', async () => {
    await page.goto(`${stack.url}/items`);
    await page.getByRole('textbox', { name: '搜索事项' }).fill('身份证');
    await page.waitForFunction(() => document.querySelector('[data-testid=item-results] .catalog-hit-name')?.textContent?.startsWith('居民身份证核发'));
    const names = (await resultNames(page)).map((n) => n.replace(/\s*示例$/, ''));
    expect(names.slice(0, 2)).toEqual(['居民身份证核发', '临时居民身份证核发']);
    // the query is in the URL, so back from a guide returns to this list
    expect(page.url()).toContain(`q=${encodeURIComponent('身份证')}`);
  });

  it('pinyin initials find them too, and results are large touch targets', async () => {
    await page.goto(`${stack.url}/items?q=sfz`);
    await page.waitForSelector('[data-code="LS-01-002"]');
    const first = page.locator('[data-testid=item-results] a').first();
    expect(await first.getAttribute('data-code')).toBe('LS-01-002');
    const box = (await first.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(48);
  });

  it('category filter', async () => {
    await page.goto(`${stack.url}/items`);
    await page.getByText(/^医疗保障 \d+$/).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=item-results] a').length === 4);
    expect(page.url()).toContain(`category=${encodeURIComponent('医疗保障')}`);
  });

  it('opens a guide with every element, the 示例 mark and a QR code', async () => {
    await page.goto(`${stack.url}/items?q=sfz`);
    await page.locator('[data-code="LS-01-002"]').click();
    await page.waitForSelector('[data-testid=item-guide]');
    const text = await page.locator('[data-testid=item-guide]').innerText();
    for (const heading of ['基本信息', '设定和实施依据', '受理条件', '申请材料', '办理流程', '办理时限', '收费', '办理地点、时间和电话'])
      expect(text).toContain(heading);
    expect(text).toContain('居民户口簿');
    expect(text).toContain('60 个工作日');
    expect(text).toContain('示例');
    expect(await page.locator('[data-testid=guide-qr] svg').count()).toBe(1);
  });

  it('prints: the print CSS hides the buttons, shows the address, and the PDF is A4', async () => {
    const p = await newPage();
    await p.goto(`${stack.url}/items/LS-01-002`);
    await p.waitForSelector('[data-testid=guide-qr] svg');
    expect(await p.getByTestId('print-guide').isVisible()).toBe(true);
    await p.emulateMedia({ media: 'print' });
    expect(await p.getByTestId('print-guide').isVisible()).toBe(false);
    expect(await p.getByText(/^网址：/).isVisible()).toBe(true);
    expect(await p.locator('[data-testid=guide-qr] svg').isVisible()).toBe(true);
    const pdf = await p.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    // the print button calls window.print()
    await p.emulateMedia({ media: 'screen' });
    await p.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await p.getByTestId('print-guide').click();
    expect(await p.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await p.close();
  });

  it('an unknown item shows a Chinese message', async () => {
    const p = await newPage();
    await p.goto(`${stack.url}/items/LS-99-999`);
    await p.waitForSelector('text=没有找到事项 LS-99-999');
    await p.close();
  });

  it('长者版 enlarges the text and is remembered', async () => {
    const p = await newPage();
    await p.goto(`${stack.url}/items?q=sfz`);
    await p.waitForSelector('[data-code="LS-01-002"]');
    const size = () =>
      p
        .locator('.catalog-hit-name')
        .first()
        .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    const before = await size();
    await p.getByRole('switch', { name: '长者版' }).click();
    expect(await size()).toBeGreaterThan(before);
    await p.reload();
    await p.waitForSelector('[data-code="LS-01-002"]');
    expect(await p.evaluate(() => document.documentElement.classList.contains('elder-mode'))).toBe(true);
    await p.close();
  });
});

describe('事项导入与编辑 (county admin, signed in)', () => {
  const signedIn = async (): Promise<Page> => {
    const p = await newPage({ width: 1280, height: 1000 });
    await signIn(p, stack.url, 'admin', DEMO_PASSWORD, () => stack.totp('admin'));
    return p;
  };

  it('imports a 200-row workbook: progress, then exactly the 3 bad rows with their numbers', async () => {
    const p = await signedIn();
    await p.goto(`${stack.url}/catalog-admin/import`);
    const bytes = await countyWorkbook(countyItems(200), (row, i) => {
      if (i === 13) row['承诺时限'] = 30;
      if (i === 78) row['收费标准'] = null;
      if (i === 148) row['办件类型'] = '加急件';
    });
    await p.setInputFiles('input[type=file]', { name: '罗山县事项清单.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
    await p.waitForSelector('[data-testid=import-progress] .ant-progress');
    await p.waitForSelector('[data-testid=import-report]');
    const rows = await p.locator('[data-testid=import-report] .ant-table-row').allInnerTexts();
    expect(rows.map((r) => r.split('\t')[1])).toEqual(['15', '80', '150']);
    expect(await p.getByTestId('import-commit').isDisabled()).toBe(true); // strict mode with errors
    await p.close();
  });

  it('refuses promised days above statutory days with the Chinese message on the field', async () => {
    const p = await signedIn();
    await p.goto(`${stack.url}/catalog-admin/items/LS-01-003/edit`);
    await p.waitForSelector('[data-testid=item-editor] input#promisedDays');
    await p.locator('input#promisedDays').fill('9');
    await p.getByTestId('save-draft').click();
    await p.waitForSelector('[data-testid=editor-error]');
    expect(await p.getByTestId('editor-error').innerText()).toContain('“承诺时限”（9 个工作日）不能超过“法定时限”（3 个工作日）');
    await p.close();
  });

  it('shows and edits where an item is taken in and who decides it (低保: villages and townships, 县民政局)', async () => {
    const p = await signedIn();
    await p.goto(`${stack.url}/catalog-admin/items/LS-03-001/edit`);
    await p.waitForSelector('[data-testid=item-editor] input#name');
    await p.getByTestId('decider-office').getByText('县民政局（411521-mzj）').waitFor();
    expect(await p.getByTestId('decider-by').innerText()).toContain('指定机构承办');
    const places = await p.getByTestId('intake-at').innerText();
    expect(places).toContain('村便民服务站代办');
    expect(places).toContain('任一乡镇（县域通办）');
    // 联办 with no other office: refused on the field, nothing saved
    await p.getByTestId('decider-by').click();
    await p.locator('.ant-select-dropdown:visible').getByText('联办', { exact: true }).click();
    await p.getByTestId('save-draft').click();
    await p.getByText('联办须至少有一个协办机构').waitFor();
    await p.close();
  });
});
