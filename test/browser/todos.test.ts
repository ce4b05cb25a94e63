import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { startPoller, type Poller } from '../../local/poller.ts';
import { demoItems } from '../../shared/catalog/demo-catalog.ts';
import { newPage, signIn, useBrowserStack } from './helpers.ts';

/**
 * Everyone told what to do next, in the browser over the real delegation queue: agent.demo records
 * a 低保 commission without the 居民户口簿 (the form warns) → 灵山镇 takes it in and is told it is
 * 待补正 → the agent sees 待补正 with the list (workbench, list, commission) and records the
 * supplement from the phone → 灵山镇 forwards it → 县民政局 signs, decides and replies → 灵山镇's
 * workbench shows 待回交 with its deadline and the menu counts it; the head sees 督办 and 差评 counts.
 */
describe('the workbench to-do list across the network', () => {
  const ctx = useBrowserStack();
  let poller: Poller;
  beforeAll(() => {
    const ep = inject('emulators');
    poller = startPoller({ endpoint: ep.fauxqs, region: ep.region, env: ctx.stack.env, log: () => undefined });
  });
  afterAll(() => poller?.stop());

  /** Reloads `path` until `ready` holds: hops land when the poller has fed them to the consumer. */
  const reloadUntil = async (page: Page, path: string, ready: () => Promise<boolean>, what: string) => {
    // a time limit, not a count: on a loaded machine the poller may take a while to feed the hop
    for (const until = Date.now() + 90_000; Date.now() < until;) {
      await page.goto(`${ctx.stack.url}${path}`);
      // the to-do list itself, loaded: on a busy machine the page may still be parsing when the network is idle
      await page.getByTestId('todo-panel').locator('.ant-list').waitFor({ timeout: 30_000 });
      if (await ready().catch(() => false)) return;
      await page.waitForTimeout(500);
    }
    const shown = await page.locator('body').innerText();
    throw new Error(`timed out waiting for ${what}; the page shows: ${shown.slice(0, 600)}`);
  };
  const dialogOk = async (page: Page, title: string, fill?: () => Promise<void>) => {
    const dialog = page.getByRole('dialog', { name: title });
    await dialog.waitFor();
    if (fill) await fill();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
  };

  it('agent.demo → 灵山镇 (待补正) → agent supplements → 县民政局 replies → 灵山镇 待回交; the head counts 督办 and 差评', { timeout: 300_000 }, async () => {
    // 1. the agent's form warns about the unchecked required material, then sends it anyway
    const agent = await newPage(ctx.browser, { width: 390, height: 844 });
    await signIn(agent, ctx.stack.url, 'agent.demo', DEMO_PASSWORD);
    await agent.goto(`${ctx.stack.url}/agent/new`);
    await agent.getByTestId('agent-item').click();
    await agent.keyboard.type('低保');
    await agent.getByText('城乡最低生活保障对象认定', { exact: true }).click();
    await agent.getByTestId('agent-missing').waitFor();
    for (const m of ['居民身份证', '申请表', '家庭经济状况核对授权书']) await agent.getByLabel(m, { exact: true }).check();
    expect(await agent.getByTestId('agent-missing').innerText()).toMatch(/尚缺 1 项必需材料：居民户口簿/);
    await agent.getByLabel('姓名').fill('孙八');
    await agent.getByLabel('居民身份证号码').fill('11010519491231002X');
    await agent.getByLabel('手机号码').fill('13712345678');
    await agent.getByLabel(/申请人已同意委托代办/).check();
    await agent.getByRole('button', { name: '提交代办' }).click();
    const doc = agent.getByTestId('doc');
    await doc.waitFor();
    const number = /编号：(DB-411521-\d{8}-\d{4})/.exec(await doc.innerText())![1]!;

    // 2. 灵山镇 finds it on its workbench (待签收), takes it in, and is told the true outcome
    const lingshan = await newPage(ctx.browser);
    await signIn(lingshan, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
    const todoPanel = lingshan.getByTestId('todo-panel');
    await reloadUntil(lingshan, '/workbench', () => todoPanel.getByText(number).isVisible(), 'the commission to reach 灵山镇');
    await todoPanel.getByRole('link', { name: new RegExp(`去办理：待签收：代办件 ${number}`) }).click();
    await lingshan.getByTestId('take-in').click();
    await lingshan.getByText(/办件待补正（缺：居民户口簿）/).waitFor();
    await lingshan
      .getByTestId('network-panel')
      .waitFor()
      .catch(() => undefined);
    const caseUrl = lingshan.url();
    expect(caseUrl).toMatch(/\/cases\/[0-9a-f-]{36}$/);

    // 3. the agent sees 待补正 with the list — workbench, list, commission — and supplements from the phone
    await agent.goto(`${ctx.stack.url}/workbench`);
    const agentTodo = agent.getByTestId('todo-supplement');
    await agentTodo.waitFor();
    expect(await agentTodo.innerText()).toContain('缺：居民户口簿');
    await agent.goto(`${ctx.stack.url}/agent`);
    const row = agent.getByTestId('agent-mine').locator('li').filter({ hasText: number });
    await row.getByText('乡镇待补正，请补交材料').waitFor();
    expect(await row.innerText()).toContain('缺：居民户口簿');
    await row.click();
    expect(await agent.getByTestId('commission-missing').innerText()).toContain('居民户口簿');
    await agent.getByTestId('commission-supplement').getByLabel('居民户口簿').check();
    await agent.getByTestId('agent-supplement').click();
    await agent.getByText('已补交，乡镇已受理').waitFor();
    await agent.getByTestId('commission-status').getByText('乡镇已受理，办理中').waitFor();
    expect(agent.errors).toEqual([]);

    // 4. 灵山镇 forwards it to 县民政局 (its workbench said 待转报)
    await lingshan.goto(`${ctx.stack.url}/workbench`);
    await todoPanel.getByText('待转报').waitFor();
    await lingshan.goto(caseUrl);
    await lingshan.getByTestId('net-forward').click();
    await dialogOk(lingshan, '转报', () => lingshan.getByLabel('转报事由').fill('低保由县民政局审批'));

    // 5. 县民政局 signs, decides and replies (回复)
    const mzj = await newPage(ctx.browser);
    await signIn(mzj, ctx.stack.url, 'clerk.mzj', DEMO_PASSWORD);
    const mzjPanel = mzj.getByTestId('todo-panel');
    await reloadUntil(mzj, '/workbench', () => mzjPanel.getByText('待签收：转报件').isVisible(), 'the hand-over to reach 县民政局');
    await mzjPanel.getByRole('link', { name: /去办理：待签收：转报件/ }).click();
    await mzj.getByTestId('net-receive').click();
    await mzj.getByTestId('action-decide').waitFor();
    await mzj.getByTestId('action-decide').click();
    await dialogOk(mzj, '办结');
    await mzj.getByTestId('net-return').click();
    await dialogOk(mzj, '回复', () => mzj.getByLabel(/回复内容/).fill('经审核符合条件，准予纳入低保'));

    // 6. 灵山镇's to-do: 待回交, with its deadline (the end of a Beijing working day), counted in the menu
    const handBack = lingshan.getByTestId('todo-hand_back').filter({ hasText: '待回交' });
    await reloadUntil(lingshan, '/workbench', () => handBack.isVisible(), 'the reply to land at 灵山镇');
    expect(await handBack.getByTestId('todo-due').innerText()).toMatch(/时限：\d{4}-\d{2}-\d{2} 23:59/);
    expect(await lingshan.getByTestId('nav-todos').innerText()).toMatch(/工作台\s*\d+/);
    expect(lingshan.errors).toEqual([]);

    // 7. the head: a 督办 and a 差评 on one of the office's cases, counted on the workbench and in the menu
    const item = demoItems().find((i) => i.name === '居民身份证核发')!;
    const clerkToken = await ctx.stack.login('clerk.lingshan');
    const intake = await ctx.stack.fetch('/api/cases', {
      method: 'POST',
      token: clerkToken,
      headers: { 'idempotency-key': crypto.randomUUID() },
      json: {
        itemCode: item.code,
        applicant: { type: 'person', name: '张三丰', idNumber: '11010519491231002X', phone: '13812345678' },
        materialsReceived: item.materials.filter((m) => m.required).map((m) => m.name),
      },
    });
    expect(intake.status).toBe(201);
    const c = ((await intake.json()) as { case: { id: string; number: string } }).case;
    const supervisor = await ctx.stack.login('supervisor');
    const order = await ctx.stack.fetch('/api/supervision/orders', {
      method: 'POST',
      token: supervisor,
      json: { caseId: c.id, requirement: '请说明办理进度', deadlineWorkdays: 2 },
    });
    expect(order.status).toBe(201);
    const rating = await ctx.stack.fetch(`/api/public/cases/${c.number}/rating`, {
      method: 'POST',
      json: { phone4: '5678', level: 1, reason: '等候时间太长', channel: 'qr' },
    });
    expect(rating.status).toBe(201);
    const head = await newPage(ctx.browser);
    await signIn(head, ctx.stack.url, 'head.lingshan', DEMO_PASSWORD, () => ctx.stack.totp('head.lingshan'));
    await head.goto(`${ctx.stack.url}/workbench`);
    await head.getByTestId('todo-count-order').waitFor();
    expect(await head.getByTestId('todo-count-order').innerText()).toBe('督办 1');
    expect(await head.getByTestId('todo-count-rectify').innerText()).toBe('差评整改 1');
    expect(await head.getByTestId('nav-todos-order').innerText()).toMatch(/督办\s*1/);
    expect(await head.getByTestId('nav-todos-rectify').innerText()).toMatch(/差评整改\s*1/);
    // the to-do comes before the menu tiles, and links to where it is done
    await head
      .getByTestId('todo-order')
      .getByRole('link', { name: /去办理/ })
      .click();
    await head.waitForURL(/\/supervision\/orders$/);
    expect(head.errors).toEqual([]);
  });
});
