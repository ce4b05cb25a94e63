import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { acceptCase } from '../integration/ratings/support.ts';
import { newPage, signIn, useBrowserStack } from './helpers.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
/** A raw action code or table name: lower-case words joined by dots (case.forward, alert.ack, data.migrate). */
const CODE = /\b[a-z]+(?:[.-][a-z]+)+\b/;
const intakeOf = (text: string, number: string) =>
  text
    .split('\n')
    .find((l) => l.includes(`受理：办件 ${number}`))
    ?.trim();

/** People read names and case numbers; login names and ids stay in the export's extra columns. */
describe('audit and timeline: staff by name, cases by number', () => {
  const ctx = useBrowserStack();

  it('the case timeline names the clerk, not the login name', async () => {
    const clerk = await ctx.stack.login('clerk.lingshan');
    const c = await acceptCase(ctx.stack, clerk);
    expect((await ctx.stack.fetch(`/api/cases/${c.id}/start`, { method: 'POST', token: clerk, json: { expectedVersion: 1 } })).status).toBe(200);
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
    await page.goto(`${ctx.stack.url}/cases/${c.id}`);
    const timeline = page.locator('.ant-timeline');
    await timeline.getByText('开始办理（演示灵山窗口）').waitFor();
    const text = await timeline.innerText();
    expect(text).toContain('受理（演示灵山窗口）');
    expect(text).not.toContain('clerk.lingshan');
    expect(page.errors).toEqual([]);
  });

  it('the audit browser shows names and 受理编号; the export keeps login names and ids in extra columns', async () => {
    const clerk = await ctx.stack.login('clerk.lingshan');
    const c = await acceptCase(ctx.stack, clerk);
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'supervisor', DEMO_PASSWORD, () => ctx.stack.totp('supervisor'));
    await page.goto(`${ctx.stack.url}/audit`);
    const table = page.getByTestId('audit-table');
    const row = table.locator('tr', { hasText: `办件 ${c.number}` }).first();
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/演示灵山窗口[\s\S]*受理/);
    // the supervisor's own login: 登录, by name, the object a person too
    const login = table.locator('tr', { hasText: '演示督查员' }).filter({ hasText: '登录' }).first();
    await expect(login.innerText()).resolves.toContain('人员 演示督查员');
    const shown = await table.innerText();
    expect(shown).not.toContain('clerk.lingshan');
    expect(shown).not.toMatch(UUID);
    expect(shown).not.toMatch(/auth\.login|case\.intake/);
    expect(intakeOf(shown, c.number)).toContain(`演示灵山窗口受理：办件 ${c.number}。`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile((await download.path())!)) as never);
    const ws = wb.getWorksheet('审计记录')!;
    const headers = (ws.getRow(1).values as string[]).slice(1);
    const col = (h: string) => headers.indexOf(h) + 1;
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2));
    const intake = rows.find((r) => r.getCell(col('对象')).value === `办件 ${c.number}`)!;
    expect(intake.getCell(col('操作人')).value).toBe('演示灵山窗口');
    expect(intake.getCell(col('操作')).value).toBe('受理');
    // no 说明: an empty cell (the shared writer writes none for an empty string)
    expect(intake.getCell(col('说明')).value ?? '').toBe('');
    expect(intake.getCell(col('操作人账号')).value).toBe('clerk.lingshan');
    expect(intake.getCell(col('操作代码')).value).toBe('case.intake.accepted');
    expect(intake.getCell(col('对象代码')).value).toBe(`case:${c.id}`);
    expect(page.errors).toEqual([]);
  });

  it('every row reads as a Chinese sentence: 转报 is 转报, the TOTP step is no failure, no code or UUID anywhere', async () => {
    const clerk = await ctx.stack.login('clerk.lingshan');
    const c = await acceptCase(ctx.stack, clerk);
    const fwd = await ctx.stack.fetch(`/api/cases/${c.id}/forward`, {
      method: 'POST',
      token: clerk,
      json: { expectedVersion: 1, toOfficeId: '411521-mzj', reason: '低保由县民政局审批' },
    });
    expect(fwd.status).toBe(202);
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'supervisor', DEMO_PASSWORD, () => ctx.stack.totp('supervisor'));
    // a handed-out dashboard is audited too (dashboard.export)
    await page.goto(`${ctx.stack.url}/dashboard`);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出/ }).first().click()]);
    await xlsx.path();
    await page.getByTestId('nav').getByText('审计记录').click();
    const table = page.getByTestId('audit-table');
    const forwarded = table.locator('tr', { hasText: `转报：办件 ${c.number}` }).first();
    await forwarded.waitFor();
    // the office it went to by name, not by id
    await expect(forwarded.innerText()).resolves.toMatch(/至 .*民政局/);
    await table.locator('tr', { hasText: '导出数据看板' }).first().waitFor();
    const shown = await table.innerText();
    expect(shown).not.toContain('转交');
    expect(shown).not.toMatch(UUID);
    expect(shown).not.toMatch(CODE);
    expect(shown).not.toMatch(/totp|required|rows/i);
    // the supervisor's own sign-in went through the TOTP step: a success, no 失败 row
    const mine = await table.locator('tr', { hasText: '演示督查员' }).allInnerTexts();
    expect(mine.some((t) => t.includes('密码验证通过，待输入动态口令'))).toBe(true);
    expect(mine.filter((t) => t.includes('失败'))).toEqual([]);
    expect(page.errors).toEqual([]);
  });
});
