import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../support/local-stack.ts';
import { startPoller, type Poller } from '../../../local/poller.ts';
import { newPage, signIn, useBrowserStack } from '../helpers.ts';

/**
 * 全程代办 in the browser, over the real delegation queue (the local poller feeds it to the
 * consumer): agent.demo on a phone in 长者版 records a commission and prints the 委托代办单;
 * 灵山镇 takes it in and forwards it; 县民政局 signs, decides and replies; 灵山镇 hands the result
 * back; the agent delivers it to the applicant.
 */
describe('a commission from the village phone to 县民政局 and back', () => {
  const ctx = useBrowserStack();
  let poller: Poller;
  beforeAll(() => {
    const ep = inject('emulators');
    poller = startPoller({ endpoint: ep.fauxqs, region: ep.region, env: ctx.stack.env, log: () => undefined });
  });
  afterAll(() => poller?.stop());

  /** Reloads until the text shows: the hop lands when the poller has fed it to the consumer. */
  const reloadUntil = async (page: Page, phase: string, what: string) => {
    for (let i = 0; i < 20; i++) {
      if (
        (
          await page
            .getByTestId('transfer-phase')
            .innerText()
            .catch(() => '')
        ).includes(phase)
      )
        return;
      await page.waitForTimeout(500);
      await page.reload();
      await page.waitForLoadState('networkidle');
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const dialogOk = async (page: Page, title: string, fill?: () => Promise<void>) => {
    const dialog = page.getByRole('dialog', { name: title });
    await dialog.waitFor();
    if (fill) await fill();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 }).catch(async (e: Error) => {
      const shown = await page.locator('.ant-message, .ant-form-item-explain-error').allInnerTexts();
      await page.screenshot({ path: '/tmp/dialog.png' });
      throw new Error(`${title}: ${e.message}; on screen: ${shown.join(' | ')}`);
    });
  };

  it('agent.demo → 灵山镇 → 县民政局 → 灵山镇 → agent.demo → the applicant', { timeout: 240_000 }, async () => {
    // 1. the agent, on a phone, in 长者版
    const agent = await newPage(ctx.browser, { width: 390, height: 844 });
    await signIn(agent, ctx.stack.url, 'agent.demo', DEMO_PASSWORD);
    await agent.getByTestId('elder-toggle').click();
    await agent.goto(`${ctx.stack.url}/agent`);
    await agent.getByTestId('agent-new').click();
    await agent.getByTestId('agent-item').click();
    await agent.keyboard.type('低保');
    await agent.getByText('城乡最低生活保障对象认定', { exact: true }).click();
    for (const m of ['居民身份证', '居民户口簿', '申请表', '家庭经济状况核对授权书']) await agent.getByLabel(m, { exact: true }).check();
    await agent.getByLabel('姓名').fill('孙八');
    await agent.getByLabel('居民身份证号码').fill('11010519491231002X');
    await agent.getByLabel('手机号码').fill('13712345678');
    // no consent: refused on the form itself
    await agent.getByRole('button', { name: '提交代办' }).click();
    await agent.getByText('须经申请人本人同意委托').waitFor();
    await agent.getByLabel(/申请人已同意委托代办/).check();
    await agent.getByLabel('本人按手印').check();
    await agent.getByRole('button', { name: '提交代办' }).click();
    const doc = agent.getByTestId('doc');
    await doc.waitFor();
    const text = await doc.innerText();
    expect(text).toContain('委托代办单');
    expect(text).toContain('城乡最低生活保障对象认定');
    expect(text).toContain('本人按手印');
    expect(text).not.toContain('11010519491231002X');
    await expect(agent.locator('img[alt="代办件二维码"]').count()).resolves.toBe(1);
    const number = /编号：(DB-411521-\d{8}-\d{4})/.exec(text)![1]!;
    // nothing wider than the phone
    expect(await agent.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // 2. 灵山镇 takes it in and forwards it to 县民政局
    const lingshan = await newPage(ctx.browser);
    await signIn(lingshan, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
    await lingshan.goto(`${ctx.stack.url}/inbox`);
    await lingshan.getByRole('tab', { name: /代办件/ }).click();
    for (
      let i = 0;
      i < 20 &&
      !(await lingshan
        .getByText(number)
        .isVisible()
        .catch(() => false));
      i++
    ) {
      await lingshan.waitForTimeout(500);
      await lingshan.reload();
      await lingshan.getByRole('tab', { name: /代办件/ }).click();
    }
    await lingshan.getByText(number).click();
    await lingshan.getByTestId('take-in').click();
    await lingshan.getByTestId('network-panel').waitFor();
    const caseUrl = lingshan.url();
    await lingshan.getByTestId('net-forward').click();
    await dialogOk(lingshan, '转报', () => lingshan.getByLabel('转报事由').fill('低保由县民政局审批'));
    await reloadUntil(lingshan, '待签收', 'the hand-over to reach 县民政局');

    // 3. 县民政局 signs, decides and replies
    const mzj = await newPage(ctx.browser);
    await signIn(mzj, ctx.stack.url, 'clerk.mzj', DEMO_PASSWORD);
    await mzj.goto(`${ctx.stack.url}/inbox`);
    // the menu counts what waits
    await expect.poll(() => mzj.getByTestId('nav-count-case-task-commission').innerText(), { timeout: 10_000 }).toContain('1');
    await mzj.getByTestId('inbox-table').getByText('城乡最低生活保障对象认定').click();
    await mzj.getByTestId('net-receive').click();
    await mzj.getByTestId('action-decide').waitFor();
    await mzj.getByTestId('action-decide').click();
    await dialogOk(mzj, '办结');
    await mzj.getByTestId('net-return').click();
    await dialogOk(mzj, '回复', () => mzj.getByLabel(/回复内容/).fill('经审核符合条件，准予纳入低保'));

    // 4. back at 灵山镇: hand the result back to the station
    await lingshan.goto(caseUrl);
    await reloadUntil(lingshan, '已回复', 'the reply to land');
    await lingshan.getByTestId('net-handBack').click();
    await dialogOk(lingshan, '回交代办点');

    // 5. the agent delivers it
    await agent.goto(`${ctx.stack.url}/agent`);
    await agent.getByRole('tab', { name: /回交待送达/ }).click();
    for (
      let i = 0;
      i < 20 &&
      !(await agent
        .getByTestId('agent-back')
        .getByText('城乡最低生活保障对象认定')
        .isVisible()
        .catch(() => false));
      i++
    ) {
      await agent.waitForTimeout(500);
      await agent.reload();
      await agent.getByRole('tab', { name: /回交待送达/ }).click();
    }
    await agent.getByTestId('agent-back').getByText('送达').click();
    await agent.getByLabel('签收人').fill('孙八');
    await agent.getByTestId('agent-deliver').click();
    await agent.getByTestId('commission-status').getByText('已送达申请人').waitFor();

    // the case, seen at 灵山镇: delivered by the agent, every hop on the timeline naming both offices
    await lingshan.goto(caseUrl);
    const timeline = await lingshan.getByText(/代办员送达，签收：孙八/).innerText();
    expect(timeline).toContain('送达');
    for (const hop of ['转报', '签收', '回复', '回交代办点'])
      await lingshan
        .getByText(new RegExp(`${hop}（`))
        .first()
        .waitFor();
    for (const p of [agent, lingshan, mzj]) expect(p.errors).toEqual([]);
  });
});
