import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { dynamoRatingStore } from '../../shared/ratings/dynamo-ratings.ts';
import { acceptCase, decideCase, runSchedule } from '../integration/ratings/support.ts';
import { demoAccounts } from '../../local/seed-demo-directory.ts';
import { loadCountyConfig } from '../../infra/config/county-config.ts';
import { maskNumber } from '../../shared/ratings/disclosure.ts';
import { newPage, signIn, useBrowserStack } from './helpers.ts';

/** 好差评 in the browser: the citizen on a phone, the window's evaluator, the head's rectification. */
describe('好差评 in the browser', () => {
  const ctx = useBrowserStack();

  it('receipt QR → status → rating page on a phone in 长者版 (one screen) → thank-you', async () => {
    const clerk = await ctx.stack.login('clerk.lingshan');
    const c = await acceptCase(ctx.stack, clerk);
    const phone = await newPage(ctx.browser, { width: 390, height: 844 });
    // the URL the receipt's QR code holds: the 查询码 opens the case with nothing to type
    expect(c.queryCode).toMatch(/^[A-Z0-9]{10}$/);
    await phone.goto(`${ctx.stack.url}/status/${c.number}?code=${c.queryCode}`);
    await phone.getByTestId('public-status').waitFor();
    await phone.getByRole('button', { name: '评价服务' }).click();
    await phone.getByRole('radiogroup', { name: '评价等级' }).waitFor();
    await phone.getByTestId('elder-toggle').click();
    await expect(phone.evaluate(() => document.documentElement.classList.contains('elder-mode'))).resolves.toBe(true);
    await phone.getByRole('radio', { name: '满意', exact: true }).click();
    // one screen: every face and the submit button are in view without scrolling
    const submit = phone.getByRole('button', { name: /提交评价：满意/ });
    const box = await submit.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(844);
    for (const name of ['非常满意', '非常不满意']) {
      const b = await phone.getByRole('radio', { name, exact: true }).boundingBox();
      expect(b!.height).toBeGreaterThanOrEqual(60);
    }
    await submit.click();
    const thanks = await phone.getByTestId('thank-you').innerText();
    expect(thanks).toContain('感谢您的评价');
    expect(thanks).toContain('满意');
    expect(await dynamoRatingStore().rating(c.id)).toMatchObject({ level: 4, channel: 'qr' });
    // back on the page, the case shows as rated and offers its one follow-up
    await phone.goto(`${ctx.stack.url}/status/${c.number}`);
    await phone.getByLabel('申请人手机号后四位').fill('5678');
    await phone.getByRole('button', { name: /查\s*询/ }).click();
    await phone.getByRole('button', { name: '评价服务' }).click();
    await phone.getByText('您已评价：满意').waitFor();
    await phone.getByLabel('追评内容').fill('窗口人员很耐心，补充表扬');
    await phone.getByRole('button', { name: /提交追评/ }).click();
    await phone.getByTestId('thank-you').waitFor();
    expect(phone.errors).toEqual([]);
  });

  it('a 差评 without a reason is refused on the page with the reason field marked', async () => {
    const clerk = await ctx.stack.login('clerk.lingshan');
    const c = await acceptCase(ctx.stack, clerk);
    const phone = await newPage(ctx.browser, { width: 390, height: 844 });
    await phone.goto(`${ctx.stack.url}/rate/${c.number}`);
    await phone.getByLabel('申请人手机号后四位').fill('5678');
    await phone.getByRole('button', { name: /下一步/ }).click();
    await phone.getByRole('radio', { name: '不满意', exact: true }).click();
    await phone.getByTestId('reasons').waitFor();
    await phone.getByRole('button', { name: /提交评价：不满意/ }).click();
    await phone.getByRole('alert').filter({ hasText: '须选择或填写原因' }).waitFor();
    await phone.getByText('服务态度不好').click();
    await phone.getByRole('button', { name: /提交评价：不满意/ }).click();
    await expect(phone.getByTestId('thank-you').innerText()).resolves.toContain('1 个工作日内回访');
  });

  it('the window evaluator: the clerk pushes the case just handled, the citizen taps a face on the tablet', async () => {
    const token = await ctx.stack.login('clerk.lingshan');
    const c = await acceptCase(ctx.stack, token);
    const tablet = await newPage(ctx.browser, { width: 1024, height: 768 });
    await signIn(tablet, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
    await tablet.goto(`${ctx.stack.url}/evaluator`);
    await tablet.getByTestId('evaluator-idle').waitFor();

    const desk = await newPage(ctx.browser);
    await signIn(desk, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
    await desk.getByTestId('nav').getByText('窗口评价').click();
    await desk.getByText('已受理', { exact: true }).click();
    await desk.getByTestId(`push-${c.number}`).click();
    await desk.getByText(`已推送到评价器：${c.number}`).waitFor();

    await tablet.getByTestId('evaluator-pending').waitFor({ timeout: 10_000 });
    await expect(tablet.getByTestId('evaluator-pending').innerText()).resolves.toContain(c.number);
    await tablet.getByRole('radio', { name: '非常满意' }).click();
    await tablet.getByRole('button', { name: /提交：非常满意/ }).click();
    await tablet.getByTestId('evaluator-thanks').waitFor();
    expect(await dynamoRatingStore().rating(c.id)).toMatchObject({ level: 5, channel: 'window', enteredBy: 'clerk.lingshan' });
    // then it waits for the next citizen
    await tablet.getByTestId('evaluator-idle').waitFor({ timeout: 10_000 });
    expect([...tablet.errors, ...desk.errors]).toEqual([]);
  });

  it('the head handles a 差评 to the end: callback, measures, answer', async () => {
    const clerk = await ctx.stack.login('clerk.lingshan');
    const c = await acceptCase(ctx.stack, clerk);
    const r = await ctx.stack.fetch(`/api/public/cases/${c.number}/rating`, {
      method: 'POST',
      json: { phone4: '5678', level: 1, reason: '材料反复要求、多次跑腿', channel: 'web' },
    });
    expect(r.status).toBe(201);

    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'head.lingshan', DEMO_PASSWORD, () => ctx.stack.totp('head.lingshan'));
    await page.getByTestId('nav').getByText('差评整改').click();
    await page.getByRole('link', { name: c.number }).click();
    await expect(page.getByTestId('task').innerText()).resolves.toContain('材料反复要求、多次跑腿');

    // the server's field error lands on its field
    const callback = page.getByTestId('form-callback');
    await callback.getByRole('button', { name: /保存回访/ }).click();
    await callback.locator('.ant-form-item-explain-error').filter({ hasText: '请记录回访情况' }).waitFor();
    await callback.getByLabel('回访情况（群众意见、沟通内容）').fill('已电话联系群众，说明一次性告知制度并致歉');
    await callback.getByRole('button', { name: /保存回访/ }).click();

    const rectify = page.getByTestId('form-rectify');
    await rectify.waitFor();
    await rectify.getByLabel('整改措施').fill('组织窗口人员学习一次性告知制度，材料清单上墙');
    await rectify.getByLabel('答复群众的内容').fill('已整改，感谢您的监督');
    await rectify.getByRole('button', { name: /办结整改/ }).click();
    await page.getByTestId('task').getByText('已整改', { exact: true }).waitFor();
    const text = await page.getByTestId('task').innerText();
    expect(text).toContain('组织窗口人员学习一次性告知制度');
    expect(text).toContain('head.lingshan');
    expect(await dynamoRatingStore().task(c.id)).toMatchObject({ status: 'rectified' });

    // the statistics page shows the counters as the API gives them (this file's other 差评 are not rectified)
    await page.getByTestId('nav').getByText('好差评统计').click();
    const headToken = await ctx.stack.login('head.lingshan');
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const stats = await (await ctx.stack.fetch(`/api/ratings/stats?month=${month}`, { token: headToken })).json();
    expect(stats.total.rectified).toBeGreaterThanOrEqual(1);
    await page
      .getByTestId('stats-total')
      .getByText(`${(stats.total.rectificationRate * 100).toFixed(1)}%`)
      .first()
      .waitFor();
    expect(page.errors).toEqual([]);
  });

  it('the public results page shows no personal data (its HTML scanned for IDs, phones and the demo names)', async () => {
    const clerk = await ctx.stack.login('clerk.lingshan');
    const applicants = [
      { type: 'person', name: '司马光明', idNumber: '11010519491231002X', phone: '13712340001' },
      { type: 'organisation', name: '罗山县示例农业合作社', creditCode: '91411521MA9XXXXX0X', phone: '13712340002' },
    ];
    const numbers: string[] = [];
    for (const a of applicants) {
      const c = await acceptCase(ctx.stack, clerk, a);
      await decideCase(ctx.stack, clerk, c);
      numbers.push(c.number);
      await ctx.stack.fetch(`/api/public/cases/${c.number}/rating`, {
        method: 'POST',
        json: { phone4: a.phone.slice(-4), level: 2, reason: '办理时间长、等待久' },
      });
    }
    await runSchedule('disclosure-publish');
    const page = await newPage(ctx.browser, { width: 1280, height: 900 });
    await page.goto(`${ctx.stack.url}/disclosure`);
    await page.getByTestId('results').getByText(maskNumber(numbers[0]!)).first().waitFor();
    let html = await page.content();
    await page.getByRole('tab', { name: '好差评公示' }).click();
    await page.getByTestId('ratings').getByText('灵山镇').waitFor();
    html += await page.content();
    const text = html.replace(/<[^>]+>/g, ' ');
    expect(text).not.toMatch(/\d{17}[\dXx]/);
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    const names = [...applicants.map((a) => a.name), '司*明', ...demoAccounts(loadCountyConfig('411521')).flatMap((d) => [d.displayName, d.username])];
    for (const n of names) expect(text, n).not.toContain(n);
    for (const n of numbers) expect(text).not.toContain(n);
    expect(page.errors).toEqual([]);
  });

  it('the county admin downloads the provincial feed files', async () => {
    const clerk = await ctx.stack.login('clerk.lingshan');
    const c = await acceptCase(ctx.stack, clerk);
    await ctx.stack.fetch(`/api/public/cases/${c.number}/rating`, { method: 'POST', json: { phone4: '5678', level: 5 } });
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await runSchedule('provincial-feed', new Date(Date.now() + 86_400_000).toISOString());
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'admin', DEMO_PASSWORD, () => ctx.stack.totp('admin'));
    await page.getByTestId('nav').getByText('省级上报').click();
    const row = page.getByRole('row').filter({ hasText: today });
    const [file] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: '评价 JSONL' }).click()]);
    expect(file.suggestedFilename()).toBe(`好差评上报-${today}-ratings.jsonl`);
    const body = await (await file.createReadStream()).toArray();
    expect(Buffer.concat(body).toString('utf8')).toContain(c.number);
    expect(page.errors).toEqual([]);
  });
});
