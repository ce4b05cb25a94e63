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
    const ics = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270101', 'DTEND;VALUE=DATE:20270104', 'SUMMARY:元旦 假期', 'END:VEVENT', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270206', 'SUMMARY:春节 补班', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    await page.locator('input[type=file]').setInputFiles({ name: '2027节假日.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
    await expect(page.getByTestId('notice-parsed').innerText()).resolves.toContain('放假 3 天，调休上班 1 天');
    await expect(page.getByLabel(/法定节假日/).inputValue()).resolves.toBe('2027-01-01\n2027-01-02\n2027-01-03');
    await expect(page.getByLabel(/调休上班的周末/).inputValue()).resolves.toBe('2027-02-06');

    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('2027 年工作日历已保存').waitFor();
    const token = await ctx.stack.login('supervisor');
    const year = (await (await ctx.stack.fetch('/api/calendar/years/2027', { token })).json()) as { missing: boolean; year: { holidays: string[]; source: string } };
    expect(year).toMatchObject({ missing: false, year: { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], source: expect.stringContaining('2027节假日.ics') } });
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
