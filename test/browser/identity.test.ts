import { describe, expect, it } from 'vitest';
import { URI } from 'otpauth';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { newPage, signIn, useBrowserStack } from './helpers.ts';

const code = (uri: string) => (URI.parse(uri) as { generate(): string }).generate();

/** Staff management, first login (forced password change) and TOTP enrolment, in the browser. */
describe('identity pages', () => {
  const ctx = useBrowserStack();

  it('the admin creates a center head, who changes the password and enrols TOTP at first login', async () => {
    const admin = await newPage(ctx.browser);
    await signIn(admin, ctx.stack.url, 'admin', DEMO_PASSWORD, () => ctx.stack.totp('admin'));
    await admin.goto(`${ctx.stack.url}/staff`);
    await admin.getByTestId('office-select').click();
    await admin.keyboard.type('灵山镇');
    await admin.keyboard.press('Enter');
    await admin.getByTestId('users-table').getByText('clerk.lingshan').waitFor();
    await admin.getByRole('button', { name: '新增人员' }).click();
    await admin.getByLabel('用户名').fill('head2.lingshan');
    await admin.getByLabel('姓名').fill('灵山副主任');
    await admin.getByLabel('角色', { exact: true }).click();
    await admin.locator('.ant-select-item-option[title="中心负责人"]').click();
    await admin.keyboard.press('Escape');
    await admin.getByRole('button', { name: /创\s*建/ }).click();
    const temp = await admin.getByTestId('temp-password').innerText();
    expect(temp.trim()).toMatch(/^\S{12}$/);

    const head = await newPage(ctx.browser);
    await head.goto(`${ctx.stack.url}/login`);
    await head.getByLabel('用户名').fill('head2.lingshan');
    await head.getByLabel('密码', { exact: true }).fill(temp.trim());
    await head.getByRole('button', { name: /登\s*录/ }).click();
    await head.waitForURL(/\/account\/password$/);
    await head.getByLabel('当前密码').fill(temp.trim());
    await head.getByLabel('新密码', { exact: true }).fill('weak');
    await head.getByLabel('再次输入新密码').fill('weak');
    await head.getByRole('button', { name: /保\s*存/ }).click();
    await head
      .getByText(/至少 10 位/)
      .first()
      .waitFor();
    await head.getByLabel('新密码', { exact: true }).fill('Lingshan#2026x');
    await head.getByLabel('再次输入新密码').fill('Lingshan#2026x');
    await head.getByRole('button', { name: /保\s*存/ }).click();

    await head.waitForURL(/\/account\/totp$/);
    await head.getByTestId('totp-qr').waitFor();
    const uri = await head.locator('code', { hasText: 'otpauth://' }).innerText();
    await head.getByPlaceholder('6 位数字').fill(code(uri.trim()));
    await head.getByRole('button', { name: /确认绑定/ }).click();
    // the staff 工作台 (the citizens' front door is at /)
    await head.waitForURL(new RegExp(`${ctx.stack.url}/workbench$`));
    await expect(head.getByTestId('nav').innerText()).resolves.toContain('人员管理');
    expect([...admin.errors, ...head.errors]).toEqual([]);
  });

  it('the supervisor browses the audit trail and sees the account creation', async () => {
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'supervisor', DEMO_PASSWORD, () => ctx.stack.totp('supervisor'));
    await page.goto(`${ctx.stack.url}/audit`);
    await page.getByTestId('audit-table').getByText('新增人员').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^审计记录-.*\.xlsx$/);
  });
});
