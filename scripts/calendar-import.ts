/**
 * `npm run calendar:import -- --file <通知.ics|.xlsx|.csv> (--province 41 | --county <code>… | --all | --local)`:
 * next year's working-day calendar from the State Council notice, into every county chosen.
 * A year a county already entered differently is kept (listed), unless `--force`. `--dry-run`
 * parses and compares only. AWS credentials that reach the counties' accounts.
 */
import { readFileSync } from 'node:fs';
import { bjYear } from '../shared/platform/beijing-time.ts';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { listCountyCodes, loadCountyConfig } from '../infra/config/county-config.ts';
import { defaultNoticeSource, parseNoticeIcs, parseNoticeSheets, type NoticeImport } from '../shared/calendar/notice-import.ts';
import { importCalendarYear, type ImportOutcome } from '../shared/calendar/import-year.ts';
import { dynamoCalendarYearStore } from '../shared/calendar/dynamo-import-year.ts';
import { readWorkbook } from '../shared/sheets/xlsx.ts';
import { DomainError, ValidationError } from '../shared/errors/domain-errors.ts';
import { systemClock } from '../shared/platform/clock.ts';
import { selectCounties, SelectionError } from './lib/select-counties.ts';
import { formatTable } from './lib/table.ts';
import { awsTarget, commandCaller, commandMeta, localTarget, TargetError, useTarget, type Target } from './lib/target.ts';

const OUTCOME: Record<ImportOutcome, string> = {
  imported: '已导入',
  overwritten: '已覆盖（--force）',
  unchanged: '已是该安排',
  kept: '保留县里已录入的不同安排',
  'would-import': '将导入（试运行）',
};

const parseNotice = async (file: string, year: number, source: string): Promise<NoticeImport> => {
  const buf = new Uint8Array(readFileSync(file));
  if (extname(file).toLowerCase() === '.ics') return parseNoticeIcs(new TextDecoder().decode(buf), year, source);
  return parseNoticeSheets(await readWorkbook(basename(file), buf), year, source);
};

const main = async (): Promise<number> => {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      year: { type: 'string', default: String(bjYear() + 1) },
      source: { type: 'string' },
      county: { type: 'string', multiple: true },
      province: { type: 'string' },
      all: { type: 'boolean', default: false },
      local: { type: 'boolean', default: false },
      runtime: { type: 'string' },
      force: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const year = Number(values.year);
  if (!values.file || !/^\d{4}$/.test(values.year)) {
    console.error(
      '用法：npm run calendar:import -- --file <通知.ics|.xlsx|.csv> [--year 2027] (--province <两位> | --county <代码>… | --all | --local) [--source <文号>] [--force] [--dry-run]',
    );
    return 2;
  }
  const notice = await parseNotice(values.file, year, values.source ?? defaultNoticeSource(year, basename(values.file)));
  console.log(`${year} 年：放假 ${notice.year.holidays.length} 天，调休上班 ${notice.year.makeupWorkdays.length} 天（${notice.year.source}）`);
  for (const s of notice.skipped) console.log(`  略过：${s}`);

  const targets: Target[] = values.local ? [localTarget(values.runtime)] : selectCounties(listCountyCodes(), values).map((c) => awsTarget(loadCountyConfig(c)));
  const rows: string[][] = [];
  let failed = 0;
  for (const t of targets) {
    useTarget(t);
    try {
      const r = await importCalendarYear(
        { calendar: dynamoCalendarYearStore(), clock: systemClock },
        commandCaller('calendar:import'),
        { countyCode: t.countyCode, year: notice.year, force: values.force, dryRun: values['dry-run'] },
        commandMeta('calendar:import'),
      );
      rows.push([t.countyCode, t.label, OUTCOME[r.outcome], r.outcome === 'kept' ? `县里的依据：${r.stored?.source ?? ''}` : '']);
    } catch (e) {
      failed++;
      rows.push([t.countyCode, t.label, '失败', `${(e as Error).name}: ${(e as Error).message}`.slice(0, 120)]);
    }
  }
  console.log(`\n${formatTable(['县区', '位置', '结果', '说明'], rows)}`);
  if (rows.some((r) => r[2] === OUTCOME.kept)) console.log('\n有县区已录入不同的安排：请与其县级管理员核对，确认后可加 --force 覆盖。');
  return failed ? 1 : 0;
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof ValidationError) console.error(`通知文件有误：${e.message}\n${e.fields.map((f) => `  ${f.path}: ${f.message}`).join('\n')}`);
    else if (e instanceof DomainError || e instanceof TargetError || e instanceof SelectionError) console.error(e.message);
    else console.error(`失败：${(e as Error).name}: ${(e as Error).message}`);
    process.exit(e instanceof SelectionError ? 2 : 1);
  },
);
