import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { acceptCase, decideCase } from '../integration/ratings/support.ts';
import { newPage, signIn, useBrowserStack } from './helpers.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** A raw action code, table or login name: lower-case words joined by dots or dashes (case.forward, data.migrate, clerk.lingshan). */
const CODE = /\b[a-z]+(?:[.-][a-z]+)+\b/;

/** The row of the staff table for a login name. */
const rowOf = (page: Page, username: string) => page.getByTestId('users-table').locator('tr', { hasText: username });

/** Every row of the audit table, page after page (the pager's 下一页 until it is disabled). */
const allAuditRows = async (page: Page): Promise<string[]> => {
  const table = page.getByTestId('audit-table');
  await table.locator('tbody tr.ant-table-row').first().waitFor();
  const rows: string[] = [];
  for (let i = 0; i < 200; i++) {
    rows.push(...(await table.locator('tbody tr.ant-table-row').allInnerTexts()));
    const next = table.locator('.ant-pagination-next');
    if (!(await next.count()) || (await next.getAttribute('aria-disabled')) === 'true') return rows;
    const first = await table.locator('tbody tr.ant-table-row').first().innerText();
    await next.click();
    // the next page is drawn when its first row differs
    await page.waitForFunction(([sel, was]) => document.querySelector(sel)?.textContent !== was, [
      '[data-testid="audit-table"] tbody tr.ant-table-row',
      first.replace(/\t/g, ''),
    ] as const);
  }
  throw new Error('more than 200 pages of audit events');
};

/** A dangerous action asks first; the 差评 回访 phone is revealed on purpose and audited; the audit log reads as Chinese. */
describe('ask first, reveal on purpose, audit as sentences', { timeout: 180_000 }, () => {
  const ctx = useBrowserStack();

  it('停用, 重置密码 and 重置动态口令 ask for confirmation: 取消 changes nothing, 确认 acts', async () => {
    const admin = await ctx.stack.login('admin');
    const created = await ctx.stack.fetch('/api/users', {
      method: 'POST',
      token: admin,
      json: { username: 'clerk9.lingshan', displayName: '灵山窗口九', officeId: '411521-lingshan', roles: ['window_clerk'] },
    });
    expect(created.status).toBe(201);
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'admin', DEMO_PASSWORD, () => ctx.stack.totp('admin'));
    await page.goto(`${ctx.stack.url}/staff`);
    await page.getByTestId('office-select').click();
    await page.keyboard.type('灵山镇');
    await page.keyboard.press('Enter');
    const row = rowOf(page, 'clerk9.lingshan');
    await row.waitFor();

    // 重置密码: a click only asks; 取消 leaves the password as it was
    await row.getByRole('button', { name: '重置密码' }).click();
    const ask = page.locator('.ant-popconfirm').filter({ hasText: '重置 灵山窗口九（clerk9.lingshan）的密码？' });
    await ask.waitFor();
    await ask.getByRole('button', { name: /取\s*消/ }).click();
    await ask.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('temp-password').count()).toBe(0);
    // 重置动态口令 of an enrolled head asks too (and is left alone here)
    await rowOf(page, 'head.lingshan').getByRole('button', { name: '重置动态口令' }).click();
    const askTotp = page.locator('.ant-popconfirm').filter({ hasText: '重置 演示灵山负责人（head.lingshan）的动态口令？' });
    await askTotp.waitFor();
    await askTotp.getByRole('button', { name: /取\s*消/ }).click();
    await askTotp.waitFor({ state: 'hidden' });
    await rowOf(page, 'head.lingshan').getByText('已绑定动态口令').waitFor();
    // 停用 asks; 取消 keeps the account in use
    await row.getByRole('button', { name: /^停\s*用$/ }).click();
    const askDisable = page.locator('.ant-popconfirm').filter({ hasText: '停用 灵山窗口九（clerk9.lingshan）？' });
    await askDisable.getByRole('button', { name: /取\s*消/ }).click();
    await askDisable.waitFor({ state: 'hidden' });
    await row.getByText('正常').waitFor();

    // the audit trail holds no reset and no 停用 so far
    const supervisor = await ctx.stack.login('supervisor');
    const actions = async () =>
      ((await (await ctx.stack.fetch('/api/audit?actor=admin', { token: supervisor })).json()) as { events: Array<{ action: string }> }).events.map(
        (e) => e.action,
      );
    expect(await actions()).not.toContain('user.password.reset');
    expect(await actions()).not.toContain('user.update');

    // 确认 acts: the temporary password is shown once; the account is 已停用
    await row.getByRole('button', { name: '重置密码' }).click();
    await ask.getByRole('button', { name: '确认重置' }).click();
    expect((await page.getByTestId('temp-password').innerText()).trim()).toMatch(/^\S{12}$/);
    await page.getByRole('button', { name: '我已记下' }).click();
    await row.getByRole('button', { name: /^停\s*用$/ }).click();
    await askDisable.getByRole('button', { name: '确认停用' }).click();
    await row.getByText('已停用').waitFor();
    expect(await actions()).toEqual(expect.arrayContaining(['user.password.reset', 'user.update']));
    expect(page.errors).toEqual([]);
  });

  it('the head reveals the applicant’s phone for a 差评 回访 on purpose; the supervisor reads the reveal as a sentence', async () => {
    const clerk = await ctx.stack.login('clerk.lingshan');
    const c = await acceptCase(ctx.stack, clerk);
    await decideCase(ctx.stack, clerk, c);
    const rated = await ctx.stack.fetch(`/api/public/cases/${c.number}/rating`, {
      method: 'POST',
      json: { phone4: '5678', level: 1, reason: '窗口人员态度生硬', channel: 'web' },
    });
    expect(rated.status).toBe(201);

    const head = await newPage(ctx.browser);
    await signIn(head, ctx.stack.url, 'head.lingshan', DEMO_PASSWORD, () => ctx.stack.totp('head.lingshan'));
    await head.goto(`${ctx.stack.url}/ratings/tasks/${c.id}`);
    const task = head.getByTestId('task');
    await task.getByText('窗口人员态度生硬').waitFor();
    // masked until asked: the whole number is nowhere on the page before the click
    expect(await head.content()).not.toContain('13812345678');
    await task.getByTestId('reveal-phone').click();
    await expect(task.getByTestId('callback-phone').innerText()).resolves.toBe('13812345678');
    await expect(task.getByTestId('callback-phone').getAttribute('href')).resolves.toBe('tel:13812345678');
    // a clerk of the office has no 回访 to make: the route refuses
    const refused = await ctx.stack.fetch(`/api/ratings/tasks/${c.id}/phone`, { method: 'POST', token: clerk, json: {} });
    expect(refused.status).toBe(403);

    const sup = await newPage(ctx.browser);
    await signIn(sup, ctx.stack.url, 'supervisor', DEMO_PASSWORD, () => ctx.stack.totp('supervisor'));
    await sup.goto(`${ctx.stack.url}/audit`);
    const reveal = sup
      .getByTestId('audit-table')
      .locator('tr', { hasText: `查看完整手机号码（回访）：办件 ${c.number}` })
      .first();
    await reveal.waitFor();
    await expect(reveal.innerText()).resolves.toContain(`演示灵山负责人查看完整手机号码（回访）：办件 ${c.number}。`);
    expect([...head.errors, ...sup.errors]).toEqual([]);
  });

  it('no row of the whole audit log shows an action code, a login name or a UUID; sign-ins show no 失败', async () => {
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'supervisor', DEMO_PASSWORD, () => ctx.stack.totp('supervisor'));
    await page.goto(`${ctx.stack.url}/audit`);
    const rows = await allAuditRows(page);
    // the seeded county and this file's actions: sign-ins, intake, 办结, ratings, staff changes, migrations
    expect(rows.length).toBeGreaterThan(20);
    const bad = rows.filter((r) => UUID.test(r) || CODE.test(r) || /totp|required|undefined|null/i.test(r));
    expect(bad).toEqual([]);
    // each row is a sentence: it ends with 。 before its result
    expect(rows.filter((r) => !/。\s*(成功|失败)/.test(r))).toEqual([]);
    // every privileged sign-in here went through the TOTP step with the right code: no failed sign-in row
    expect(rows.filter((r) => /登录/.test(r) && /失败/.test(r))).toEqual([]);
    expect(page.errors).toEqual([]);
  });
});
