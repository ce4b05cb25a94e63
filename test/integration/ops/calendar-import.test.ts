import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../../shared/aws/clients.ts';
import { forgetCalendar } from '../../../shared/calendar/wiring.ts';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { runCommand, runtimeFileFor } from '../../support/run-command.ts';

/**
 * A notice for 2027 in the shape the calendars publish (a test notice: the days are made up, the
 * real one comes out in November). 2027-01-01 is a Friday; 2027-02-06 and 2027-02-20 are Saturdays.
 */
const event = (day: string, summary: string) => ['BEGIN:VEVENT', `DTSTART;VALUE=DATE:${day.replace(/-/g, '')}`, `SUMMARY:${summary}`, 'END:VEVENT'];
const ics = (days: Array<[string, string]>) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...days.flatMap(([d, s]) => event(d, s)), 'END:VCALENDAR'].join('\r\n');
const NOTICE: Array<[string, string]> = [
  ['2027-01-01', '元旦（休）'],
  ['2027-02-06', '春节（班）'],
  ['2027-02-08', '春节（休）'],
  ['2027-02-09', '春节（休）'],
  ['2027-02-10', '春节（休）'],
];

describe('npm run calendar:import -- --local', () => {
  let stack: TestStack;
  let runtime: string;
  const dir = mkdtempSync(join(tmpdir(), 'bm-notice-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const run = (...args: string[]) => runCommand('calendar-import.ts', ['--local', '--runtime', runtime, '--year', '2027', ...args]);
  const dueAfter = async (from: string, workdays: number) => {
    forgetCalendar(); // as a container does within a minute of the change
    return (await (await stack.fetch(`/api/calendar/due-date?from=${from}&workdays=${workdays}`)).json()) as { dueDate: string; provisional: boolean };
  };

  beforeAll(async () => {
    stack = await startTestStack({ seed: false });
    runtime = runtimeFileFor(stack);
  });
  afterAll(() => stack.stop());

  it('before: 2027 is provisional (weekends only)', async () => {
    expect(await dueAfter('2026-12-31', 1)).toEqual({ dueDate: '2027-01-01', provisional: true });
  });

  it('imports the notice: due dates in 2027 follow it and are no longer provisional; audited as the command', async () => {
    const r = await run('--file', file('notice.ics', ics(NOTICE)), '--source', '国办发明电〔2026〕测试号');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2027 年：放假 4 天，调休上班 1 天/);
    expect(r.stdout).toMatch(/411521\s+本地 .*已导入/);
    expect(await dueAfter('2026-12-31', 1)).toEqual({ dueDate: '2027-01-04', provisional: false });
    expect((await dueAfter('2027-02-05', 1)).dueDate).toBe('2027-02-06'); // the Saturday 班
    const audit = await dynamo().send(
      new QueryCommand({
        TableName: stack.env.TABLE_AUDIT!,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :a',
        ExpressionAttributeValues: { ':a': 'ACTOR#command:calendar:import' },
      }),
    );
    expect(audit.Items!.map((i) => [i.action, i.target.id])).toEqual([['calendar.year.put', '2027']]);
  });

  it('the same notice again changes nothing; a different one keeps what is there unless --force', async () => {
    expect((await run('--file', file('again.ics', ics(NOTICE)))).stdout).toMatch(/已是该安排/);
    const other = file('other.csv', '日期,结束日期,类型\n2027-01-01,2027-01-03,放假\n');
    const kept = await run('--file', other);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toMatch(/保留县里已录入的不同安排\s+县里的依据：国办发明电〔2026〕测试号/);
    expect(await dueAfter('2026-12-31', 1)).toEqual({ dueDate: '2027-01-04', provisional: false });
    expect((await run('--file', other, '--dry-run', '--force')).stdout).toMatch(/将导入（试运行）/);
    expect((await run('--file', other, '--force')).stdout).toMatch(/已覆盖（--force）/);
    expect((await dueAfter('2027-02-05', 1)).dueDate).toBe('2027-02-08'); // the other notice has no 班 on the 6th
  });

  it('refuses a notice with a wrong day, naming it, and writes nothing', async () => {
    const r = await run('--file', file('bad.ics', ics([['2027-03-03', '补班']])), '--force');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/通知文件有误：2027-03-03 不是周末/);
    expect(r.stderr).toMatch(/makeupWorkdays\.0/);
  });
});
