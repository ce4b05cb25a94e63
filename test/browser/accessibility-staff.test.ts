import { beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { demoItems } from '../../shared/catalog/demo-catalog.ts';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { acceptCase, decideCase } from '../integration/ratings/support.ts';
import { signIn, useBrowserStack } from './helpers.ts';

/** WCAG 2.1 A and AA, as for the public pages (accessibility.test.ts). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The staff router's own list (JSX, which the server-side typecheck does not compile: loaded by path,
 * vitest transforms it like any other module).
 */
const ROUTES_FILE = new URL('../../web/src/shell/staff-routes.tsx', import.meta.url).pathname;
const { staffRoutes } = (await import(ROUTES_FILE)) as { staffRoutes: Array<{ path?: string }> };

type Who = 'clerk.lingshan' | 'head.lingshan' | 'admin' | 'supervisor';
interface Fixtures {
  caseId: string;
  caseNumber: string;
  badCaseId: string;
  commissionId: string;
  itemCode: string;
}

/**
 * Each staff page, as the person who works on it, at a real address. The keys are the router's own
 * paths (web/src/shell/staff-routes.tsx): a page added there without an entry here fails the first test.
 */
const PAGES: Record<string, { as: Who; url?: (f: Fixtures) => string }> = {
  '/workbench': { as: 'head.lingshan' },
  '/account/password': { as: 'clerk.lingshan' },
  '/account/totp': { as: 'clerk.lingshan' },
  '/staff': { as: 'admin' },
  '/audit': { as: 'supervisor' },
  '/calendar': { as: 'admin' },
  '/catalog-admin': { as: 'admin' },
  '/catalog-admin/items/new': { as: 'admin' },
  '/catalog-admin/items/:code/edit': { as: 'admin', url: (f) => `/catalog-admin/items/${f.itemCode}/edit` },
  '/catalog-admin/import': { as: 'admin' },
  '/catalog-admin/search-misses': { as: 'admin' },
  '/cases': { as: 'clerk.lingshan' },
  '/cases/new': { as: 'clerk.lingshan' },
  '/cases/:id': { as: 'clerk.lingshan', url: (f) => `/cases/${f.caseId}` },
  '/cases/:id/print': { as: 'clerk.lingshan', url: (f) => `/cases/${f.caseId}/print` },
  '/ratings/window': { as: 'clerk.lingshan' },
  '/ratings/tasks': { as: 'head.lingshan' },
  '/ratings/tasks/:caseId': { as: 'head.lingshan', url: (f) => `/ratings/tasks/${f.badCaseId}` },
  '/ratings/stats': { as: 'head.lingshan' },
  '/ratings/feed': { as: 'admin' },
  '/inbox': { as: 'clerk.lingshan' },
  '/commissions/:id': { as: 'clerk.lingshan', url: (f) => `/commissions/${f.commissionId}` },
  '/commissions/:id/print': { as: 'clerk.lingshan', url: (f) => `/commissions/${f.commissionId}/print` },
  '/alerts': { as: 'supervisor' },
  '/supervision/orders': { as: 'supervisor' },
  '/supervision/orders/new': { as: 'supervisor', url: (f) => `/supervision/orders/new?caseId=${f.caseId}&number=${f.caseNumber}` },
  '/supervision/cases': { as: 'supervisor' },
  '/dashboard': { as: 'supervisor' },
  '/hall/window': { as: 'clerk.lingshan' },
  '/notices/demo-inbox': { as: 'clerk.lingshan' },
  '/archive': { as: 'admin' },
  '/exchange': { as: 'admin' },
};

/** The serious and critical findings on the page as it is now, one line each (rule, impact, where). */
const findings = async (page: Page): Promise<string[]> => {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.slice(0, 3).map((n) => `${v.id} (${v.impact}, ${v.nodes.length}×) ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
    );
};

/** Drawn: the layout's header, no spinner or skeleton left, the network quiet. */
const settled = async (page: Page) => {
  await page.getByTestId('who').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .ant-table-placeholder .ant-spin'), undefined, {
    timeout: 20_000,
  });
};

const DIBAO = demoItems().find((i) => i.name === '城乡最低生活保障对象认定')!;

describe('accessibility (axe-core, WCAG 2.1 AA) — every staff page', { timeout: 240_000 }, () => {
  const ctx = useBrowserStack();
  const sessions = new Map<Who, { context: BrowserContext; page: Page; errors: string[] }>();
  let f: Fixtures;

  beforeAll(async () => {
    const clerk = await ctx.stack.login('clerk.lingshan');
    const c = await acceptCase(ctx.stack, clerk);
    const bad = await acceptCase(ctx.stack, clerk);
    await decideCase(ctx.stack, clerk, bad);
    const rated = await ctx.stack.fetch(`/api/public/cases/${bad.number}/rating`, {
      method: 'POST',
      json: { phone4: '5678', level: 1, reason: '窗口人员态度生硬', channel: 'web' },
    });
    if (rated.status !== 201) throw new Error(`rating failed: ${rated.status}`);
    const agent = await ctx.stack.login('agent.demo');
    const commission = await ctx.stack.fetch('/api/commissions', {
      method: 'POST',
      token: agent,
      headers: { 'idempotency-key': crypto.randomUUID() },
      json: {
        itemCode: DIBAO.code,
        applicant: { type: 'person', name: '赵六', idNumber: '11010519491231002X', phone: '13912345678' },
        materialsCollected: DIBAO.materials.filter((m) => m.required).map((m) => m.name),
        consent: { given: true, method: 'fingerprint' },
      },
    });
    if (commission.status !== 201) throw new Error(`commission failed: ${commission.status} ${await commission.text()}`);
    const { commission: made } = (await commission.json()) as { commission: { id: string } };
    f = { caseId: c.id, caseNumber: c.number, badCaseId: bad.id, commissionId: made.id, itemCode: DIBAO.code };
  });

  /** One signed-in browser context per person, reused for each of their pages. */
  const as = async (who: Who) => {
    const known = sessions.get(who);
    if (known) return known;
    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const totp = who === 'clerk.lingshan' ? undefined : () => ctx.stack.totp(who);
    await signIn(page, ctx.stack.url, who, DEMO_PASSWORD, totp);
    const s = { context, page, errors };
    sessions.set(who, s);
    return s;
  };

  it('every page of the staff router has its entry here (so axe sees it)', () => {
    expect(staffRoutes.map((r) => r.path).sort()).toEqual(Object.keys(PAGES).sort());
  });

  it('受理 with its field errors shown (error text in red on white)', async () => {
    const { page, errors } = await as('clerk.lingshan');
    await page.goto(`${ctx.stack.url}/cases/new`);
    await page.getByTestId('item-select').click();
    await page.keyboard.type('sfz');
    await page.getByText(/^居民身份证核发（/).click();
    await page.getByRole('button', { name: '下一步' }).click();
    // submitted empty: each required field shows its error text
    await page.locator('form button[type=submit]').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await settled(page);
    expect(await findings(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  for (const route of staffRoutes) {
    it(`${route.path}: 0 serious or critical findings`, async () => {
      const entry = PAGES[route.path!];
      if (!entry) throw new Error(`no entry for ${route.path} in PAGES`);
      const { page, errors } = await as(entry.as);
      await page.goto(`${ctx.stack.url}${entry.url ? entry.url(f) : route.path}`);
      await settled(page);
      expect(await findings(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});
