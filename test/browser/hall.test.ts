import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { SEED_YEARS } from '../../shared/calendar/seed-years.ts';
import { addDays, buildCalendar, isWorkday } from '../../shared/calendar/working-days.ts';
import { bjDay } from '../../shared/platform/beijing-time.ts';
import { hallPorts } from '../../shared/hall/wiring.ts';
import { dynamoHallStore } from '../../shared/hall/dynamo-hall.ts';
import { dynamoRatingStore } from '../../shared/ratings/dynamo-ratings.ts';
import { newPage, signIn, useBrowserStack } from './helpers.ts';

/**
 * The hall end to end: a citizen books on a phone, checks in at the kiosk with the code, the screen
 * shows and speaks the call, the clerk takes two cases in from the ticket and the evaluator rates
 * them with one tap (一次一评); a home visit lands on the village agent's phone with its date.
 */
describe('the hall in the browser', () => {
  const ctx = useBrowserStack();

  it("book on a phone → kiosk check-in → call on the screen (spoken) → two intakes from the ticket → both rated with one tap; a home visit on the agent's phone", async () => {
    // the hall's clock: 08:00 of the next working day, so the booked slot is that day's and not over
    const cal = buildCalendar(SEED_YEARS);
    let day = addDays(bjDay(new Date()), 1);
    for (let i = 0; i < 30 && !isWorkday(day, cal); i++) day = addDays(day, 1);
    const now = new Date(`${day}T08:00:00+08:00`);
    const realClock = hallPorts().clock;
    Object.assign(hallPorts(), { clock: () => now });
    const office = '411521-lingshan';

    // 1. the citizen books on a phone
    const phone = await newPage(ctx.browser, { width: 390, height: 844 });
    await phone.goto(`${ctx.stack.url}/book`);
    await phone.getByTestId('book-office').click();
    await phone.locator('.ant-select-item-option', { hasText: '灵山镇' }).click();
    await phone.getByTestId('book-item').click();
    await phone.keyboard.type('身份证');
    await phone.locator('.ant-select-item-option', { hasText: /^居民身份证核发$/ }).click();
    const slot = phone.locator('[data-testid^="slot-"]:not([disabled])').first();
    await slot.waitFor();
    const slotId = (await slot.getAttribute('data-testid'))!.slice(5);
    expect(slotId.startsWith(day.replaceAll('-', ''))).toBe(true);
    await slot.click();
    await phone.getByLabel('姓名').fill('李秀英');
    await phone.getByLabel('手机号').fill('13811112222');
    await phone.getByRole('button', { name: /提交预约/ }).click();
    const code = (await phone.getByTestId('booking-code').innerText()).trim().slice(0, 8);
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    // the page shows the phone masked, never whole
    await expect(phone.locator('body').innerText()).resolves.not.toContain('13811112222');

    // 2. the hall's screen, speech recorded
    const screen = await newPage(ctx.browser, { width: 1280, height: 720 });
    await screen.addInitScript(() => {
      const spoken: Array<{ text: string; lang: string }> = [];
      (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
      class Utterance {
        lang = '';
        rate = 1;
        constructor(readonly text: string) {}
      }
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
      Object.defineProperty(window, 'speechSynthesis', {
        value: { speak: (u: Utterance) => spoken.push({ text: u.text, lang: u.lang }), cancel: () => undefined, getVoices: () => [] },
        configurable: true,
      });
    });
    await screen.goto(`${ctx.stack.url}/hall/${office}/screen`);
    await screen.getByTestId('hall-screen').waitFor();

    // 3. check-in at the kiosk with the code
    const kiosk = await newPage(ctx.browser, { width: 1024, height: 768 });
    await kiosk.goto(`${ctx.stack.url}/hall/${office}/kiosk`);
    await kiosk.getByLabel('预约码').fill(code);
    await kiosk.getByRole('button', { name: /签到取号/ }).click();
    await expect(kiosk.getByTestId('ticket-number').innerText()).resolves.toBe('V001');

    // 4. the clerk at window 3 calls it
    const desk = await newPage(ctx.browser);
    await signIn(desk, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
    await desk.goto(`${ctx.stack.url}/hall/window`);
    await desk.getByTestId('call-next').click();
    await expect(desk.getByTestId('current-number').innerText()).resolves.toBe('V001');
    await expect(screen.getByTestId('screen-latest').innerText({ timeout: 15_000 })).resolves.toContain('V001');
    await screen.waitForFunction(() => (window as unknown as { __spoken: unknown[] }).__spoken.length > 0, undefined, { timeout: 15_000 });
    const spoken = await screen.evaluate(() => (window as unknown as { __spoken: Array<{ text: string; lang: string }> }).__spoken);
    expect(spoken).toEqual([{ text: '请 V001 号到 3 号窗口办理', lang: 'zh-CN' }]);

    // 5. the cases taken in from the ticket (two items of one visit) are linked to it
    const intake = async (name: string, idNumber: string) => {
      await desk.getByTestId('intake-from-ticket').click();
      await desk.getByTestId('item-select').click();
      await desk.keyboard.type('sfz');
      await desk.getByText(/^居民身份证核发（/).click();
      await desk.getByLabel(/居民户口簿/).check();
      await desk.getByLabel(/近期免冠照片/).check();
      await desk.getByRole('button', { name: '下一步' }).click();
      await desk.getByLabel('姓名').fill(name);
      await desk.getByLabel('居民身份证号码').fill(idNumber);
      await desk.getByLabel('手机号码').fill('13811112222');
      await desk.getByRole('button', { name: '受理并打印凭证' }).click();
      await desk.getByTestId('doc').waitFor();
    };
    await intake('李秀英', '11010519491231002X');
    // her husband's card, at the same window on the same number
    await desk.goto(`${ctx.stack.url}/hall/window`);
    await intake('王建国', '110105197001010038');
    const ticket = await dynamoHallStore().ticket(office, `${day.replaceAll('-', '')}-V001`);
    expect(ticket?.cases).toHaveLength(2);
    const caseIds = ticket!.cases!;

    // 6. the evaluator (the tablet signed in as the window) rates it
    const tablet = await newPage(ctx.browser, { width: 1024, height: 768 });
    await signIn(tablet, ctx.stack.url, 'clerk.lingshan', DEMO_PASSWORD);
    await tablet.goto(`${ctx.stack.url}/evaluator`);
    await tablet.getByTestId('evaluator-idle').waitFor();
    await desk.goto(`${ctx.stack.url}/hall/window`);
    await desk.getByTestId('ticket-evaluate').click();
    await desk.getByText('已推送到评价器').waitFor();
    await tablet.getByTestId('evaluator-pending').waitFor({ timeout: 10_000 });
    // 一次一评: the evaluator lists both cases of the visit, and one tap rates each
    await expect(tablet.getByTestId('evaluator-cases').locator('li').count()).resolves.toBe(2);
    await tablet.getByRole('radio', { name: '非常满意' }).click();
    await tablet.getByRole('button', { name: /提交：非常满意/ }).click();
    await tablet.getByTestId('evaluator-thanks').waitFor();
    for (const caseId of caseIds) expect(await dynamoRatingStore().rating(caseId)).toMatchObject({ level: 5, channel: 'window' });

    // 7. 上门服务: the clerk sends the village's agent; it is on the agent's phone with its date, and closed there
    const sent = await ctx.stack.fetch('/api/hall/home-visits', {
      method: 'POST',
      token: await ctx.stack.login('clerk.lingshan'),
      json: {
        stationId: '411521-lingshan-demo1',
        reason: 'disabled',
        name: '王大山',
        phone: '13900001111',
        address: '示例村一组 3 号',
        need: '残疾人证换领',
        date: day,
      },
    });
    expect(sent.status).toBe(201);
    const agent = await newPage(ctx.browser, { width: 390, height: 844 });
    await signIn(agent, ctx.stack.url, 'agent.demo', DEMO_PASSWORD);
    await agent.goto(`${ctx.stack.url}/agent?tab=visits`);
    const visit = agent.getByTestId('home-visit');
    await visit.waitFor();
    const shown = await visit.innerText();
    expect(shown).toContain('上门服务：残疾人');
    expect(shown).toContain(`上门日期 ${day}`);
    expect(shown).toContain('示例村一组 3 号');
    expect(shown).not.toContain('13900001111');
    agent.once('dialog', (d) => void d.accept());
    await visit.getByLabel('上门结果').fill('已上门受理换领申请');
    await visit.getByRole('button', { name: '已上门办结' }).click();
    await agent.getByText('没有待上门的服务').waitFor();
    Object.assign(hallPorts(), { clock: realClock });
    expect([...phone.errors, ...screen.errors, ...kiosk.errors, ...desk.errors, ...tablet.errors, ...agent.errors]).toEqual([]);
  }, 240_000);
});
