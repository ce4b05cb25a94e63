/**
 * `npm run migrate -- --county <code>` (AWS credentials of the county's account) or `--local`:
 * runs the pending data migrations of this release on the county's tables — what the deploy's
 * Custom::DataMigrations does — and prints what each did. `--dry-run` counts and writes nothing.
 */
import { parseArgs } from 'node:util';
import { runMigrations } from '../shared/migrations/run.ts';
import { migrationPorts } from '../shared/migrations/wiring.ts';
import { TABLES, type TableId } from '../shared/platform/tables.ts';
import { commandCaller, commandMeta, resolveTarget, TargetError, useTarget } from './lib/target.ts';
import { formatTable } from './lib/table.ts';

const STATUS = { applied: '已执行', 'already-applied': '此前已执行', 'would-apply': '待执行（试运行）' } as const;

const main = async (): Promise<number> => {
  const { values } = parseArgs({
    options: {
      county: { type: 'string' },
      local: { type: 'boolean', default: false },
      runtime: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      table: { type: 'string', multiple: true },
    },
  });
  const tables = values.table as TableId[] | undefined;
  const unknown = tables?.filter((t) => !TABLES.some((d) => d.id === t)) ?? [];
  if ((!values.county && !values.local) || unknown.length) {
    console.error(`用法：npm run migrate -- --county <县区代码> | --local [--dry-run] [--table <${TABLES.map((t) => t.id).join('|')}>]`);
    return 2;
  }
  const target = resolveTarget(values);
  useTarget(target);
  const reports = await runMigrations(
    migrationPorts(),
    commandCaller('migrate'),
    { countyCode: target.countyCode, dryRun: values['dry-run'], ...(tables ? { tables } : {}) },
    commandMeta('migrate'),
  );
  console.log(`数据迁移 —— ${target.label}${values['dry-run'] ? '（试运行，不写入）' : ''}\n`);
  console.log(
    formatTable(
      ['迁移', '表', '状态', '扫描', '修改', '重读'],
      reports.map((r) => [r.id, r.table, STATUS[r.status], String(r.scanned), String(r.changed), String(r.retried)]),
    ),
  );
  return 0;
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(
      e instanceof TargetError ? e.message : `迁移失败（已完成的迁移已记录，重新运行会从未完成的继续）：${(e as Error).name}: ${(e as Error).message}`,
    );
    process.exit(1);
  },
);
