import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { newPage, signIn, useBrowserStack } from './helpers.ts';

describe('web shell', () => {
  const ctx = useBrowserStack();

  it('opens the citizens’ front door at /, with the staff login one click away', async () => {
    const page = await newPage(ctx.browser);
    await page.goto(`${ctx.stack.url}/`);
    const door = page.getByTestId('front-door');
    await door.waitFor();
    const text = await door.innerText();
    expect(text).toContain('事项查询');
    expect(text).toContain('进度查询');
    expect(text).toContain('办公时间');
    await page.getByRole('link', { name: '工作人员登录' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByText('罗山县 便民服务').first().waitFor();
    await page.getByLabel('用户名').waitFor();
    await page.getByLabel('密码', { exact: true }).waitFor();
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    expect(await page.title()).toBe('罗山县 便民服务');
    expect(page.errors).toEqual([]);
  });

  it('toggles elder mode (larger type) and remembers it after a reload', async () => {
    const page = await newPage(ctx.browser);
    await page.goto(`${ctx.stack.url}/login`);
    const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const elder = (on: boolean) => page.waitForFunction((want) => document.documentElement.classList.contains('elder-mode') === want, on);
    await page.getByTestId('elder-toggle').waitFor();
    const before = await fontSize();
    await page.getByTestId('elder-toggle').click();
    await elder(true);
    expect(await fontSize()).toBeGreaterThan(before);
    await page.reload();
    await page.getByTestId('elder-toggle').waitFor();
    await elder(true);
    await page.getByTestId('elder-toggle').click();
    await elder(false);
  });

  it('shows 事项查询 without login', async () => {
    const page = await newPage(ctx.browser);
    await page.goto(`${ctx.stack.url}/items`);
    await page.waitForLoadState('networkidle');
    expect(page.url()).toMatch(/\/items$/);
    expect(page.errors).toEqual([]);
  });

  it('a clerk signs in, sees office, role and menu by scope, and signs out', async () => {
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
    await expect(page.getByTestId('who').innerText()).resolves.toMatch(/灵山镇[\s\S]*窗口人员/);
    const menu = await page.getByTestId('nav').innerText();
    expect(menu).toContain('事项查询');
    expect(menu).not.toContain('事项管理'); // catalog.edit is the county admin's
    await page.getByRole('button', { name: /退\s*出/ }).click();
    await page.waitForURL(/\/login$/);
  });

  it('a wrong password shows the Chinese message; the admin is asked for the TOTP code', async () => {
    const page = await newPage(ctx.browser);
    await page.goto(`${ctx.stack.url}/login`);
    await page.getByLabel('用户名').fill('clerk.county');
    await page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect(page.getByTestId('login-error').innerText()).resolves.toContain('用户名或密码错误');

    await signIn(page, ctx.stack.url, 'admin', DEMO_PASSWORD, () => ctx.stack.totp('admin'));
    await expect(page.getByTestId('nav').innerText()).resolves.toContain('事项管理');
    // next year has no working-day calendar yet: the county admin is told
    await expect(page.getByTestId('calendar-missing').innerText()).resolves.toMatch(/\d{4} 年工作日历尚未录入/);
  });
});
