import { bjDay } from '../../../shared/platform/beijing-time.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { addDays } from '../../../shared/calendar/working-days.ts';
import { readXlsx } from '../../../shared/sheets/xlsx.ts';
import { acceptCase, decideCase, invoke, runSchedule } from './support.ts';

/** The provincial feed on the emulators: the schedule writes to the feed bucket (fauxqs S3), the county admin downloads. */
describe('provincial feed', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
  });
  afterAll(() => stack.stop());

  it("exports a day's ratings and cases as JSON lines and Excel into S3; the county admin lists and downloads them", async () => {
    const clerk = await stack.login('clerk.lingshan');
    const c = await acceptCase(stack, clerk);
    await decideCase(stack, clerk, c);
    expect(
      (await invoke('public-rating', { params: { number: c.number }, body: { phone4: '5678', level: 1, reason: '服务态度不好', channel: 'qr' } })).status,
    ).toBe(201);
    const today = bjDay(new Date());
    // run as the schedule runs: 01:30 Beijing the next day
    const r = await runSchedule('provincial-feed', `${addDays(today, 1)}T01:30:00+08:00`);
    expect(r).toEqual({ day: today, ratings: 1, cases: 1 });

    const admin = await stack.login('admin');
    const list = await (await stack.fetch('/api/ratings/feed', { token: admin })).json();
    expect(list.days[0]).toMatchObject({ day: today });
    expect(list.days[0].files.map((f: any) => f.file).sort()).toEqual(['cases.jsonl', 'feed.xlsx', 'ratings.jsonl']);

    const jsonl = await stack.fetch(`/api/ratings/feed/${today}?file=ratings.jsonl`, { token: admin });
    expect(jsonl.status).toBe(200);
    const [line] = (await jsonl.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(line).toMatchObject({
      caseNumber: c.number,
      itemName: '居民身份证核发',
      officeCode: '411521-lingshan',
      officeName: '灵山镇',
      applicantType: '自然人',
      rating: 1,
      channel: 'qr',
      evaluatedStaff: 'clerk.lingshan',
      valid: true,
    });
    const xlsx = await stack.fetch(`/api/ratings/feed/${today}?file=feed.xlsx`, { token: admin });
    const sheets = await readXlsx(new Uint8Array(await xlsx.arrayBuffer()));
    expect(sheets[1]!.rows[1]!.cells[0]).toBe(c.number);
    expect(JSON.stringify(sheets)).not.toMatch(/张三丰|13812345678|11010519491231002X/);

    // a head has no access; a day not exported is 404
    const head = await stack.login('head.lingshan');
    expect((await stack.fetch('/api/ratings/feed', { token: head })).status).toBe(403);
    expect((await stack.fetch(`/api/ratings/feed/2020-01-01?file=feed.xlsx`, { token: admin })).status).toBe(404);
    expect((await stack.fetch(`/api/ratings/feed/${today}?file=../../etc`, { token: admin })).status).toBe(400);
  });
});
