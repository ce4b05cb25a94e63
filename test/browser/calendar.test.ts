import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../support/local-stack.ts';
import { newPage, signIn, useBrowserStack } from './helpers.ts';

/** 工作日历: the county admin imports the yearly notice as a calendar file, checks it and saves. */
describe('calendar: importing the State Council notice', () => {
  const ctx = useBrowserStack();

  it('reads an ICS file into the form; saving makes the year no longer missing', async () => {
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'admin', DEMO_PASSWORD, () => ctx.stack.totp('admin'));
    await page.goto(`${ctx.stack.url}/calendar`);
    await page.getByRole('spinbutton').fill('2027');
    await page.getByRole('spinbutton').blur();
    await page.getByText('2027 年工作日历尚未录入', { exact: false }).waitFor();

    // a test notice (the real 2027 one comes out in November): 2027-02-06 is a Saturday
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270101',
      'DTEND;VALUE=DATE:20270104',
      'SUMMARY:元旦 假期',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270206',
      'SUMMARY:春节 补班',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    await page.locator('input[type=file]').setInputFiles({ name: '2027节假日.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
    await expect(page.getByTestId('notice-parsed').innerText()).resolves.toContain('放假 3 天，调休上班 1 天');
    await expect(page.getByLabel(/法定节假日/).inputValue()).resolves.toBe('2027-01-01\n2027-01-02\n2027-01-03');
    await expect(page.getByLabel(/调休上班的周末/).inputValue()).resolves.toBe('2027-02-06');

    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('2027 年工作日历已保存').waitFor();
    const token = await ctx.stack.login('supervisor');
    const year = (await (await ctx.stack.fetch('/api/calendar/years/2027', { token })).json()) as {
      missing: boolean;
      year: { holidays: string[]; source: string };
    };
    expect(year).toMatchObject({
      missing: false,
      year: { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], source: expect.stringContaining('2027节假日.ics') },
    });
    expect(page.errors).toEqual([]);
  });

  it('names the problem of a wrong file and fills nothing', async () => {
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'admin', DEMO_PASSWORD, () => ctx.stack.totp('admin'));
    await page.goto(`${ctx.stack.url}/calendar`);
    await page.locator('input[type=file]').setInputFiles({ name: 'notice.csv', mimeType: 'text/csv', buffer: Buffer.from('名称,说明\n元旦,放假\n') });
    await page.getByText('没有找到带“日期”“类型”表头的工作表', { exact: false }).waitFor();
    expect(page.errors).toEqual([]);
  });
});

/** 工作日历 as a month view: the county admin clicks days into holidays and makeup workdays. */
describe('calendar: the month view', () => {
  const ctx = useBrowserStack();

  it('a click makes a weekday a 节假日 and a Saturday a 调休上班 day; 保存 stores both through the calendar API', async () => {
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'admin', DEMO_PASSWORD, () => ctx.stack.totp('admin'));
    await page.goto(`${ctx.stack.url}/calendar`);
    await page.getByRole('spinbutton').fill('2028');
    await page.getByRole('spinbutton').blur();
    await page.getByText('2028 年工作日历尚未录入', { exact: false }).waitFor();
    const day = (iso: string) => page.getByTestId('month-calendar').locator(`[data-date="${iso}"]`);
    // January 2028 is shown first: the 3rd is a Monday, the 8th a Saturday
    await expect(day('2028-01-03').getAttribute('data-kind')).resolves.toBe('workday');
    await day('2028-01-03').click();
    await expect(day('2028-01-03').getAttribute('data-kind')).resolves.toBe('holiday');
    await expect(day('2028-01-08').getAttribute('data-kind')).resolves.toBe('rest');
    await day('2028-01-08').click();
    await expect(day('2028-01-08').getAttribute('data-kind')).resolves.toBe('makeup');
    // a second click on the Monday makes it a working day again; a third one a holiday once more
    await day('2028-01-03').click();
    await expect(day('2028-01-03').getAttribute('data-kind')).resolves.toBe('workday');
    await day('2028-01-03').click();
    // the lists below follow the clicks
    await expect(page.getByLabel(/法定节假日/).inputValue()).resolves.toBe('2028-01-03');
    await expect(page.getByLabel(/调休上班的周末/).inputValue()).resolves.toBe('2028-01-08');

    await page.getByLabel('依据').fill('测试：月历点选');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('2028 年工作日历已保存').waitFor();
    const token = await ctx.stack.login('supervisor');
    const year = (await (await ctx.stack.fetch('/api/calendar/years/2028', { token })).json()) as {
      missing: boolean;
      year: { holidays: string[]; makeupWorkdays: string[] };
    };
    expect(year).toMatchObject({ missing: false, year: { holidays: ['2028-01-03'], makeupWorkdays: ['2028-01-08'] } });

    // after a reload the month view shows what was stored
    await page.reload();
    await page.getByRole('spinbutton').fill('2028');
    await page.getByRole('spinbutton').blur();
    await expect.poll(() => day('2028-01-03').getAttribute('data-kind')).toBe('holiday');
    await expect(day('2028-01-08').getAttribute('data-kind')).resolves.toBe('makeup');
    expect(page.errors).toEqual([]);
  });

  it('the supervisor reads the month view and cannot change a day', async () => {
    const page = await newPage(ctx.browser);
    await signIn(page, ctx.stack.url, 'supervisor', DEMO_PASSWORD, () => ctx.stack.totp('supervisor'));
    await page.goto(`${ctx.stack.url}/calendar`);
    const cal = page.getByTestId('month-calendar');
    await cal.waitFor();
    const monday = cal.locator('.cal-day-workday:not(.cal-day-other)').first();
    const iso = await monday.getAttribute('data-date');
    await monday.click();
    await expect(cal.locator(`[data-date="${iso}"]`).getAttribute('data-kind')).resolves.toBe('workday');
    await expect(page.getByRole('button', { name: /保\s*存/ }).count()).resolves.toBe(0);
    expect(page.errors).toEqual([]);
  });
});
