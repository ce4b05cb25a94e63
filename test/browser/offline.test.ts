import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { startPoller, type Poller } from '../../local/poller.ts';
import { signIn, useBrowserStack } from './helpers.ts';
import { demoItems } from '../../shared/catalog/demo-catalog.ts';

/**
 * The village station without a signal: the app shell opens offline after one visit, a commission with a
 * photo waits encrypted in the outbox (待同步) across reloads, and syncs by itself — exactly once, even
 * when the network flaps while it is sent. Another agent on the same phone sees none of it; a guide
 * changed meanwhile is a 冲突 with both versions, and resolving it sends once.
 */
describe('offline: the agent’s outbox', () => {
  const ctx = useBrowserStack();
  // a commission reaches 灵山镇's 待签收 over the delegation queue: the local poller feeds the consumer
  let poller: Poller;
  beforeAll(() => {
    const ep = inject('emulators');
    poller = startPoller({ endpoint: ep.fauxqs, region: ep.region, env: ctx.stack.env, log: () => undefined });
  });
  afterAll(() => poller?.stop());
  const PIN = '246810';
  const PHOTO = { name: 'hukou.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]) };

  const phone = async (): Promise<{ context: BrowserContext; page: Page & { errors: string[] } }> => {
    const context = await ctx.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = (await context.newPage()) as Page & { errors: string[] };
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    return { context, page };
  };

  /** Online: sign in, open 我的代办, set (or type) the PIN; the service worker and the guides are on the phone. */
  const signInAgent = async (page: Page, username: string, pin = PIN) => {
    await signIn(page, ctx.stack.url, username, DEMO_PASSWORD);
    await page.goto(`${ctx.stack.url}/agent`);
    const set = page.getByTestId('set-pin');
    const unlock = page.getByTestId('outbox-unlock');
    await set.or(unlock).waitFor();
    if (await set.isVisible()) {
      await page.getByLabel('离线口令', { exact: true }).fill(pin);
      await page.getByLabel('再次输入离线口令').fill(pin);
      await set.getByRole('button', { name: '设置' }).click();
    } else {
      await unlock.getByLabel(/离线口令/).fill(pin);
      await unlock.getByRole('button', { name: '解锁' }).click();
    }
    await page.getByTestId('outbox').waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    await page.waitForFunction(() => (localStorage.getItem('bianmin.agentCatalog') ?? '').includes('最低生活保障'), undefined, { timeout: 60_000 });
  };

  /** With no network: the app opens from the service worker and the PIN unlocks it. */
  const unlockOffline = async (page: Page, username = 'agent.demo', pin = PIN) => {
    await page.getByTestId('offline-unlock').waitFor();
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('离线口令').fill(pin);
    await page.getByRole('button', { name: '解锁' }).click();
  };

  const recordCommission = async (page: Page, name: string) => {
    await page.getByTestId('agent-new').click();
    await page.getByTestId('agent-item').click();
    await page.keyboard.type('低保');
    await page.getByText('城乡最低生活保障对象认定', { exact: true }).click();
    for (const m of ['居民身份证', '居民户口簿']) await page.getByLabel(m, { exact: true }).check();
    await page.getByTestId('agent-photos').setInputFiles(PHOTO);
    await page.getByLabel('姓名').fill(name);
    await page.getByLabel('居民身份证号码').fill('11010519491231002X');
    await page.getByLabel('手机号码').fill('13712345678');
    await page.getByLabel(/申请人已同意委托代办/).check();
    await page.getByLabel('本人按手印').check();
    await page.getByRole('button', { name: '提交代办' }).click();
  };

  const itemState = (page: Page) => page.getByTestId('outbox-item').first().getByTestId('outbox-state');

  /** 灵山镇's 待签收 代办件 and agent.demo's commissions, through the API. */
  const serverView = async () => {
    const clerk = await ctx.stack.login('clerk.lingshan');
    const agent = await ctx.stack.login('agent.demo');
    const inbox = (await (await ctx.stack.fetch('/api/inbox?kind=commission', { token: clerk })).json()) as { entries: Array<{ number: string }> };
    const mine = (await (await ctx.stack.fetch('/api/commissions', { token: agent })).json()) as { commissions: Array<{ number: string }> };
    return { inbox: inbox.entries.map((e) => e.number), mine: mine.commissions.map((c) => c.number) };
  };

  /** 灵山镇's 待签收 once the queue has delivered `number` there (it arrives asynchronously). */
  const inboxOnceLanded = async (number: string) => {
    for (let i = 0; i < 40; i++) {
      const v = await serverView();
      if (v.inbox.includes(number)) return v;
      await new Promise((r) => setTimeout(r, 500));
    }
    return serverView();
  };

  it(
    'signs in once, opens offline, records a commission with a photo, keeps it 待同步 across a reload, syncs by itself exactly once',
    { timeout: 240_000 },
    async () => {
      const { context, page } = await phone();
      await signInAgent(page, 'agent.demo');
      const before = await serverView();

      await context.setOffline(true);
      await page.reload();
      await unlockOffline(page);
      await recordCommission(page, '孙九');
      const doc = page.getByTestId('temp-doc');
      await doc.waitFor();
      expect(await doc.innerText()).toContain('乡镇尚未收件');

      await page.reload();
      await unlockOffline(page);
      await page.getByRole('link', { name: '我的代办', exact: true }).click();
      await expect(itemState(page).innerText()).resolves.toBe('待同步');
      await expect(page.getByTestId('outbox-item').first().innerText()).resolves.toContain('照片 1 张');
      await expect(page.getByTestId('outbox-count').innerText()).resolves.toContain('1');
      expect((await serverView()).mine).toEqual(before.mine);

      await context.setOffline(false);
      await page.getByTestId('outbox-item').first().locator('[data-testid="outbox-state"]', { hasText: '已同步' }).waitFor({ timeout: 60_000 });
      const number = (await page.getByTestId('outbox-item').first().getByRole('link').first().innerText()).trim();
      const after = await inboxOnceLanded(number);
      expect(after.inbox.filter((n) => n === number)).toHaveLength(1);
      expect(after.mine.length).toBe(before.mine.length + 1);
      await expect(page.getByTestId('outbox-count').innerText()).resolves.toContain('0');
      expect(page.errors).toEqual([]);
      await context.close();
    },
  );

  it(
    'a second agent on the same phone sees none of it; the network flapping three times during the sync still gives one commission',
    { timeout: 240_000 },
    async () => {
      const { context, page } = await phone();
      await signInAgent(page, 'agent.demo');
      const before = await serverView();
      await context.setOffline(true);
      await recordCommission(page, '周十');
      await page.getByTestId('temp-doc').waitFor();
      // hold the sync back while the other agent looks: every send is refused at the network until released
      let release = false;
      let flaps = 0;
      await context.route('**/api/commissions', async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        if (!release) return route.abort('internetdisconnected');
        if (flaps < 3) {
          // the township's server takes it in, and the answer is lost on the way back: a real flap
          flaps++;
          await route.fetch();
          await context.setOffline(true);
          await route.abort('internetdisconnected');
          setTimeout(() => void context.setOffline(false), 1500);
          return;
        }
        return route.continue();
      });
      await context.setOffline(false);

      // the other agent on this phone: no vault of theirs, nothing of agent.demo's shown or openable
      await page.getByRole('button', { name: '退出' }).click();
      await page.waitForURL(/\/login$/);
      await signInAgent(page, 'agent2.demo', '135790');
      await expect(page.getByTestId('outbox').innerText()).resolves.toContain('本机没有待同步的代办件');
      await expect(page.getByTestId('outbox-count').innerText()).resolves.toContain('0');
      expect(await page.getByTestId('outbox-item').count()).toBe(0);
      await page.getByRole('button', { name: '退出' }).click();
      await page.waitForURL(/\/login$/);
      await context.setOffline(true);
      await page.goto(`${ctx.stack.url}/agent`);
      await unlockOffline(page, 'agent2.demo', PIN);
      await page.getByText(/离线口令不对/).waitFor();
      await context.setOffline(false);

      // agent.demo again: the item is still 待同步, and the sync gets through three flaps
      await signInAgent(page, 'agent.demo');
      await expect(itemState(page).innerText()).resolves.toMatch(/待同步|同步中/);
      release = true;
      await page.getByTestId('outbox-item').first().locator('[data-testid="outbox-state"]', { hasText: '已同步' }).waitFor({ timeout: 90_000 });
      expect(flaps).toBe(3);
      const number = (await page.getByTestId('outbox-item').first().getByRole('link').first().innerText()).trim();
      const after = await inboxOnceLanded(number);
      expect(after.inbox.filter((n) => n === number)).toHaveLength(1);
      expect(after.mine.length).toBe(before.mine.length + 1);
      expect(page.errors).toEqual([]);
      await context.close();
    },
  );

  it('a guide changed since the form was filled is a 冲突 with both versions; resolving it sends once', { timeout: 240_000 }, async () => {
    const { context, page } = await phone();
    await signInAgent(page, 'agent.demo');
    const before = await serverView();
    await context.setOffline(true);
    await recordCommission(page, '吴十一');
    await page.getByTestId('temp-doc').waitFor();

    // meanwhile the county publishes a new version of the guide (one more material)
    const admin = await ctx.stack.login('admin');
    const hits = (await (await ctx.stack.fetch(`/api/items?q=${encodeURIComponent('低保')}`)).json()) as { items: Array<{ code: string; name: string }> };
    const code = hits.items.find((i) => i.name === '城乡最低生活保障对象认定')!.code;
    const guide = (await (await ctx.stack.fetch(`/api/items/${code}`)).json()) as { item: { materials: unknown[] } & Record<string, unknown>; version: number };
    const material = { ...(guide.item.materials[0] as object), name: '村（居）委会证明' };
    const item = { ...guide.item, materials: [...guide.item.materials, material] };
    const saved = await ctx.stack.fetch(`/api/admin/items/${code}`, { method: 'PUT', token: admin, json: item });
    expect(saved.status, await saved.clone().text()).toBeLessThan(300);
    const published = await ctx.stack.fetch(`/api/admin/items/${code}/publish`, { method: 'POST', token: admin, json: {} });
    expect(published.status, await published.clone().text()).toBeLessThan(300);

    await context.setOffline(false);
    await page.getByRole('link', { name: '我的代办', exact: true }).click();
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor({ timeout: 60_000 });
    await expect(itemState(page).innerText()).resolves.toBe('冲突');
    const text = await conflict.innerText();
    expect(text).toContain(`填写时的办事指南（第 ${guide.version} 版）`);
    expect(text).toMatch(/现行办事指南（第 \d+ 版）/);
    expect(text).toContain('村（居）委会证明');
    expect((await serverView()).mine.length).toBe(before.mine.length);

    await conflict.getByRole('button', { name: /已按现行指南核对/ }).click();
    await page.getByTestId('outbox-item').first().locator('[data-testid="outbox-state"]', { hasText: '已同步' }).waitFor({ timeout: 60_000 });
    // another sync round changes nothing: the item is settled, the server has it once
    await page.getByRole('button', { name: '立即同步' }).click();
    await page.waitForTimeout(1000);
    const after = await serverView();
    expect(after.mine.length).toBe(before.mine.length + 1);
    expect(page.errors).toEqual([]);
    await context.close();
  });

  it('a 补交材料 recorded offline while 灵山镇 withdrew the case is a 冲突 with both versions; 放弃 sends nothing', { timeout: 240_000 }, async () => {
    // through the API: agent.demo's commission lacks a required material, 灵山镇 takes it in → 待补正
    const agent = await ctx.stack.login('agent.demo');
    const clerk = await ctx.stack.login('clerk.lingshan');
    const dibao = demoItems().find((i) => i.name === '城乡最低生活保障对象认定')!;
    const required = dibao.materials.filter((m) => m.required).map((m) => m.name);
    const made = await ctx.stack.fetch('/api/commissions', {
      method: 'POST',
      token: agent,
      headers: { 'idempotency-key': crypto.randomUUID() },
      json: {
        itemCode: dibao.code,
        applicant: { type: 'person', name: '郑十二', idNumber: '11010519491231002X', phone: '13712345678' },
        materialsCollected: required.slice(0, 1),
        consent: { given: true, method: 'fingerprint' },
      },
    });
    expect(made.status, await made.clone().text()).toBe(201);
    const k = ((await made.json()) as { commission: { id: string; number: string } }).commission;
    await inboxOnceLanded(k.number);
    const seen = (await (await ctx.stack.fetch(`/api/commissions/${k.id}`, { token: clerk })).json()) as { commission: { version: number } };
    const taken = await ctx.stack.fetch(`/api/commissions/${k.id}/take-in`, {
      method: 'POST',
      token: clerk,
      json: { expectedVersion: seen.commission.version },
    });
    expect(taken.status, await taken.clone().text()).toBe(201);
    const c = ((await taken.json()) as { case: { id: string; status: string; version: number } }).case;
    expect(c.status).toBe('awaiting_supplement');
    const missing = required[1]!;

    // the agent records the supplement with no signal
    const { context, page } = await phone();
    await signInAgent(page, 'agent.demo');
    const open = page.getByTestId(`supplement-${k.number}`);
    await open.waitFor();
    await context.setOffline(true);
    await open.click();
    await page.getByLabel(missing, { exact: true }).check();
    await page.getByRole('button', { name: '记录补交' }).click();
    const item = page.getByTestId('outbox-item').filter({ hasText: '补交材料' });
    await item.getByTestId('outbox-state').filter({ hasText: '待同步' }).waitFor();

    // meanwhile 灵山镇 withdraws the case
    const withdrawn = await ctx.stack.fetch(`/api/cases/${c.id}/withdraw`, {
      method: 'POST',
      token: clerk,
      json: { expectedVersion: c.version, reason: '申请人撤回申请' },
    });
    expect(withdrawn.status, await withdrawn.clone().text()).toBe(200);

    await context.setOffline(false);
    await page.getByRole('button', { name: '立即同步' }).click();
    const conflict = item.getByTestId('conflict');
    await conflict.waitFor({ timeout: 60_000 });
    await expect(item.getByTestId('outbox-state').innerText()).resolves.toBe('冲突');
    const text = await conflict.innerText();
    for (const shown of ['本机记录', missing, '服务器现状', '办件状态：已撤回']) expect(text).toContain(shown);

    // resolved by giving it up (asked first): nothing reaches the case, and a later round sends nothing
    page.once('dialog', (d) => void d.accept());
    await conflict.getByRole('button', { name: '放弃本机记录' }).click();
    await item.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '立即同步' }).click();
    await page.waitForTimeout(1000);
    const now = (await (await ctx.stack.fetch(`/api/cases/${c.id}`, { token: clerk })).json()) as { case: { status: string; materialsReceived: string[] } };
    expect(now.case.status).toBe('withdrawn');
    expect(now.case.materialsReceived).not.toContain(missing);
    expect(page.errors).toEqual([]);
    await context.close();
  });

  it('送达 recorded offline at the applicant’s door is sent once the network is back, and only once', { timeout: 240_000 }, async () => {
    // through the API: a township item carried by agent.demo, decided at 灵山镇 and handed back to the station
    const agent = await ctx.stack.login('agent.demo');
    const clerk = await ctx.stack.login('clerk.lingshan');
    const item = demoItems().find((i) => i.code === 'LS-12-001')!;
    const made = await ctx.stack.fetch('/api/commissions', {
      method: 'POST',
      token: agent,
      headers: { 'idempotency-key': crypto.randomUUID() },
      json: {
        itemCode: item.code,
        applicant: { type: 'person', name: '冯十三', idNumber: '11010519491231002X', phone: '13712345678' },
        materialsCollected: item.materials.filter((m) => m.required).map((m) => m.name),
        consent: { given: true, method: 'fingerprint' },
      },
    });
    expect(made.status, await made.clone().text()).toBe(201);
    const k = ((await made.json()) as { commission: { id: string; number: string } }).commission;
    await inboxOnceLanded(k.number);
    const seen = (await (await ctx.stack.fetch(`/api/commissions/${k.id}`, { token: clerk })).json()) as { commission: { version: number } };
    const taken = await ctx.stack.fetch(`/api/commissions/${k.id}/take-in`, {
      method: 'POST',
      token: clerk,
      json: { expectedVersion: seen.commission.version },
    });
    expect(taken.status, await taken.clone().text()).toBe(201);
    const c = ((await taken.json()) as { case: { id: string; version: number } }).case;
    const decided = await ctx.stack.fetch(`/api/cases/${c.id}/decide`, {
      method: 'POST',
      token: clerk,
      json: { expectedVersion: c.version, result: 'approved' },
    });
    expect(decided.status, await decided.clone().text()).toBe(200);
    const back = await ctx.stack.fetch(`/api/cases/${c.id}/hand-back`, { method: 'POST', token: clerk, json: { expectedVersion: c.version + 1 } });
    expect(back.status, await back.clone().text()).toBeLessThan(300);
    const commission = async () =>
      ((await (await ctx.stack.fetch(`/api/commissions/${k.id}`, { token: agent })).json()) as { commission: { status: string } }).commission;
    for (let i = 0; i < 40 && (await commission()).status !== 'returned'; i++) await new Promise((r) => setTimeout(r, 500));
    expect((await commission()).status).toBe('returned');

    const { context, page } = await phone();
    await signInAgent(page, 'agent.demo');
    await page.getByRole('tab', { name: /回交待送达/ }).click();
    const entry = page.getByTestId('agent-back').locator('li', { hasText: item.name });
    await entry.waitFor();
    await context.setOffline(true);
    await entry.getByLabel('签收人').fill('冯十三');
    await entry.getByRole('button', { name: '记录送达' }).click();
    const recorded = page.getByTestId('outbox-item').filter({ hasText: '送达' });
    await recorded.getByTestId('outbox-state').filter({ hasText: '待同步' }).waitFor();
    expect((await commission()).status).toBe('returned');

    await context.setOffline(false);
    await page.getByRole('button', { name: '立即同步' }).click();
    await recorded.getByTestId('outbox-state').filter({ hasText: '已同步' }).waitFor({ timeout: 60_000 });
    expect((await commission()).status).toBe('delivered');
    await page.getByRole('button', { name: '立即同步' }).click();
    await page.waitForTimeout(1000);
    const timeline = (await (await ctx.stack.fetch(`/api/cases/${c.id}`, { token: clerk })).json()) as { case: { delivery?: { signedBy: string } } };
    expect(timeline.case.delivery?.signedBy).toBe('冯十三');
    expect(page.errors).toEqual([]);
    await context.close();
  });
});
