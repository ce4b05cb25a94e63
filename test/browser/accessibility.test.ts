import { beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { demoItems } from '../../shared/catalog/demo-catalog.ts';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { acceptCase } from '../integration/ratings/support.ts';
import { signIn, useBrowserStack } from './helpers.ts';

/** WCAG 2.1 A and AA: what the county's accessibility check asks for. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The serious and critical findings on the page as it is now, one line each (rule, impact, where). */
const findings = async (page: Page): Promise<string[]> => {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return (
    result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      // the first few places of each rule say enough (a list page repeats one finding per row)
      .flatMap((v) =>
        v.nodes.slice(0, 4).map((n) => `${v.id} (${v.impact}, ${v.nodes.length}×) ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
      )
  );
};

const idCard = demoItems().find((i) => i.name === '居民身份证核发')!;

/** Every page a person meets first, in normal mode and in 长者版: 0 serious or critical findings. */
for (const elder of [false, true]) {
  describe(`accessibility (axe-core, WCAG 2.1 AA) — ${elder ? '长者版' : '普通版'}`, () => {
    const ctx = useBrowserStack();
    let context: BrowserContext;
    let page: Page;
    let errors: string[];
    let c: { id: string; number: string; queryCode: string };

    beforeAll(async () => {
      context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
      // 长者版 is kept in localStorage: set before any page script runs
      await context.addInitScript((on) => localStorage.setItem('bianmin.elderMode', on ? '1' : '0'), elder);
      page = await context.newPage();
      errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      c = await acceptCase(ctx.stack, await ctx.stack.login('clerk.lingshan'));
    });

    /** Opens `path` (or stays), waits until it is drawn, and returns axe's serious/critical findings. */
    const scan = async (path: string | null, ready: (p: Page) => Promise<unknown>): Promise<string[]> => {
      if (path !== null) await page.goto(`${ctx.stack.url}${path}`);
      await ready(page);
      await page.waitForLoadState('networkidle');
      if (elder) await page.waitForFunction(() => document.documentElement.classList.contains('elder-mode'));
      const found = await findings(page);
      // moderate in axe, but asked for by #9: one main landmark and a page title as h1
      const landmarks = await page.evaluate(() => ({
        main: document.querySelectorAll('main, [role=main]').length,
        h1: document.querySelectorAll('h1').length,
      }));
      if (landmarks.main !== 1) found.push(`${landmarks.main} main landmarks`);
      if (landmarks.h1 !== 1) found.push(`${landmarks.h1} h1 headings`);
      return found;
    };

    it('front door /', async () => {
      expect(await scan('/', (p) => p.getByTestId('front-door').waitFor())).toEqual([]);
    });
    it('事项查询 /items', async () => {
      expect(await scan('/items', (p) => p.getByText('居民身份证核发').first().waitFor())).toEqual([]);
    });
    it('办事指南 of 居民身份证核发', async () => {
      expect(await scan(`/items/${idCard.code}`, (p) => p.getByText('居民身份证核发').first().waitFor())).toEqual([]);
    });
    it('进度查询 /status, empty', async () => {
      expect(await scan('/status', (p) => p.getByLabel('受理编号').waitFor())).toEqual([]);
    });
    it('进度查询 of a case (the receipt QR)', async () => {
      expect(await scan(`/status/${c.number}?code=${c.queryCode}`, (p) => p.getByTestId('public-status').waitFor())).toEqual([]);
    });
    it('staff login', async () => {
      expect(await scan('/login', (p) => p.getByLabel('用户名').waitFor())).toEqual([]);
    });
    it('受理 wizard: item, materials, applicant', async () => {
      await signIn(page, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
      const found = [...(await scan('/cases/new', (p) => p.getByTestId('item-select').waitFor())).map((f) => `选择事项: ${f}`)];
      await page.getByTestId('item-select').click();
      await page.keyboard.type('sfz');
      await page.getByText(/^居民身份证核发（/).click();
      found.push(...(await scan(null, (p) => p.getByRole('button', { name: '下一步' }).waitFor())).map((f) => `材料: ${f}`));
      await page.getByRole('button', { name: '下一步' }).click();
      found.push(...(await scan(null, (p) => p.getByLabel('居民身份证号码').waitFor())).map((f) => `申请人: ${f}`));
      expect(found).toEqual([]);
    });
    it('case detail', async () => {
      expect(await scan(`/cases/${c.id}`, (p) => p.getByTestId('case-details').waitFor())).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
}
