/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestStack, type TestStack } from '../support/local-stack.ts';

/** Debian's Chromium with the flags this machine needs (no sandbox as root, no background network). */
export const launchChromium = (): Promise<Browser> => {
  const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
};

/** A page that collects uncaught page errors, so a test can assert there were none. */
export const newPage = async (browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Page & { errors: string[] }> => {
  const page = (await browser.newPage({ viewport })) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
};

/** Signs in through the login form (TOTP from `totp()` when the account asks for it). */
export const signIn = async (page: Page, url: string, username: string, password: string, totp?: () => string | Promise<string>): Promise<void> => {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  if (totp) {
    await page.getByLabel('动态口令').fill(await totp());
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }
  await page.getByTestId('who').waitFor();
};

/**
 * The seeded local platform and one Chromium for a describe block, stopped after it.
 * Read `ctx.stack` / `ctx.browser` inside tests (they are set in beforeAll).
 */
export const useBrowserStack = (): { stack: TestStack; browser: Browser } => {
  const ctx = {} as { stack: TestStack; browser: Browser };
  beforeAll(async () => {
    ctx.stack = await startTestStack({ seed: true });
    ctx.browser = await launchChromium();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.stack?.stop();
  });
  return ctx;
};
