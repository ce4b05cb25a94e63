import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { demoItems } from '../../shared/catalog/demo-catalog.ts';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { newPage, signIn, useBrowserStack } from './helpers.ts';
import { acceptCase } from '../integration/ratings/support.ts';

const PHONE = { width: 390, height: 844 };

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const box = async (l: Locator): Promise<Box> => {
  const b = await l.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
};

const setElder = (page: Page, on: boolean) => page.addInitScript((v) => localStorage.setItem('bianmin.elderMode', v ? '1' : '0'), on);

/** Nothing wider than the phone: no sideways scrolling of the page. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** The page's own h1 is what is drawn at its centre (nothing lies on top of it). */
const titleUncovered = (page: Page) =>
  page
    .locator('h1')
    .first()
    .evaluate((h) => {
      const r = h.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + Math.min(r.width / 2, 20), r.top + r.height / 2);
      return top !== null && h.contains(top);
    });

describe('phone layout (390×844) and 长者版 at every size', () => {
  const ctx = useBrowserStack();

  for (const elder of [false, true]) {
    describe(elder ? '长者版' : '普通版', () => {
      it('the staff header: ☰ sits beside the title, covers neither it nor the page title, and opens the menu', async () => {
        const page = await newPage(ctx.browser, PHONE);
        await setElder(page, elder);
        await signIn(page, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
        await page.goto(`${ctx.stack.url}/cases`);
        const toggle = page.getByTestId('menu-toggle');
        await toggle.waitFor();
        await page.locator('h1').first().waitFor();
        const brand = await box(page.locator('.shell-header .brand'));
        expect(overlaps(brand, await box(toggle))).toBe(false);
        for (const other of await page.locator('.shell-header .who > *').all()) expect(overlaps(brand, await box(other))).toBe(false);
        expect(await titleUncovered(page)).toBe(true);
        // the menu is folded away until asked for
        const menuWidth = async () => (await page.locator('#staff-menu').boundingBox())?.width ?? 0;
        expect(await menuWidth()).toBe(0);
        await toggle.click();
        await expect.poll(menuWidth).toBeGreaterThan(100);
        await page.getByTestId('nav').getByText('事项查询').click();
        await page.waitForURL(/\/items$/);
        await page.getByTestId('item-results').locator('a').first().waitFor();
        expect(await fitsWidth(page)).toBe(true);
        expect(page.errors).toEqual([]);
      });

      it('a list renders as cards (人员管理), labels at least four characters wide', async () => {
        const page = await newPage(ctx.browser, PHONE);
        await setElder(page, elder);
        await signIn(page, ctx.stack.url, 'admin', DEMO_PASSWORD, () => ctx.stack.totp('admin'));
        await page.goto(`${ctx.stack.url}/staff`);
        const list = page.getByTestId('users-table');
        await list.locator('.responsive-card').first().waitFor();
        await expect(list.locator('table').count()).resolves.toBe(0);
        await expect(list.locator('.responsive-card').first().innerText()).resolves.toContain('演示管理员（admin）');
        const fontPx = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
        const widths = await list.locator('.responsive-card dt, .responsive-card dd').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
        expect(widths.length).toBeGreaterThan(0);
        for (const w of widths) expect(w).toBeGreaterThanOrEqual(4 * fontPx);
        expect(await titleUncovered(page)).toBe(true);
        expect(await fitsWidth(page)).toBe(true);
        expect(page.errors).toEqual([]);
      });

      it('a guide’s materials are readable cards, no column narrower than four characters', async () => {
        const page = await newPage(ctx.browser, PHONE);
        await setElder(page, elder);
        const idCard = demoItems().find((i) => i.name === '居民身份证核发')!;
        await page.goto(`${ctx.stack.url}/items/${idCard.code}`);
        await page.getByTestId('material-cards').waitFor();
        if (elder) await page.waitForFunction(() => document.documentElement.classList.contains('elder-mode'));
        const fontPx = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
        const widths = await page.locator('.material-card').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
        expect(widths.length).toBe(idCard.materials.length);
        for (const w of widths) expect(w).toBeGreaterThanOrEqual(4 * fontPx);
        expect(await fitsWidth(page)).toBe(true);
        expect(page.errors).toEqual([]);
      });
    });
  }

  it('办件 on a phone: the cases are cards led by the 受理编号, and a tap opens the case', async () => {
    const clerk = await ctx.stack.login('clerk.lingshan');
    const c = await acceptCase(ctx.stack, clerk);
    const page = await newPage(ctx.browser, PHONE);
    await signIn(page, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
    await page.goto(`${ctx.stack.url}/cases`);
    const list = page.getByTestId('cases-table');
    const card = list.locator('.responsive-card', { hasText: c.number });
    await card.waitFor();
    await expect(list.locator('table').count()).resolves.toBe(0);
    expect(await fitsWidth(page)).toBe(true);
    await card.click();
    await page.waitForURL(new RegExp(`/cases/${c.id}$`));
    await page.getByText(c.number).first().waitFor();
    expect(page.errors).toEqual([]);
  });

  it('委托代办单 on the agent’s phone: the ID number reads on one line beside its label, the page no wider than the phone', async () => {
    const dibao = demoItems().find((i) => i.name === '城乡最低生活保障对象认定')!;
    const agent = await ctx.stack.login('agent.demo');
    const res = await ctx.stack.fetch('/api/commissions', {
      method: 'POST',
      token: agent,
      headers: { 'idempotency-key': crypto.randomUUID() },
      json: {
        itemCode: dibao.code,
        applicant: { type: 'person', name: '赵六', idNumber: '11010519491231002X', phone: '13912345678' },
        materialsCollected: dibao.materials.filter((m) => m.required).map((m) => m.name),
        consent: { given: true, method: 'fingerprint' },
      },
    });
    expect(res.status).toBe(201);
    const { commission } = (await res.json()) as { commission: { id: string } };
    const page = await newPage(ctx.browser, PHONE);
    await signIn(page, ctx.stack.url, 'agent.demo', DEMO_PASSWORD);
    await page.goto(`${ctx.stack.url}/commissions/${commission.id}/print`);
    const id = page.getByTestId('doc').locator('td', { hasText: '1101' });
    await id.waitFor();
    const lineHeight = await id.evaluate((td) => parseFloat(getComputedStyle(td).lineHeight));
    // 18 characters on one line (a little slack for the cell's padding), not one a line
    expect((await box(id)).height).toBeLessThan(lineHeight * 1.5 + 16);
    expect(await fitsWidth(page)).toBe(true);
    expect(page.errors).toEqual([]);
  });

  it('人员管理 at 1280 px is a table with no ☰', async () => {
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'admin', DEMO_PASSWORD, () => ctx.stack.totp('admin'));
    await page.goto(`${ctx.stack.url}/staff`);
    await page.getByTestId('users-table').locator('tbody tr').first().waitFor();
    await expect(page.getByTestId('menu-toggle').count()).resolves.toBe(0);
    await expect(page.getByTestId('nav').isVisible()).resolves.toBe(true);
  });
});
