/**
 * `npm run restore -- --county <code> --table <id> --to <time> | --latest`: restores a county
 * table from point-in-time recovery to a NEW table, sets its protections again (PITR, deletion
 * protection, TTL, stream, tags) and points the county's config at it (`restoredTables`). Then
 * deploy the county: the stack uses the restored table, keeps the old one, and re-runs the data
 * migrations on it. AWS credentials of the county's account; DynamoDB Local has no PITR.
 *   npm run restore -- --county 411521 --table cases --to 2026-11-20T08:00+08:00
 */
import { parseArgs } from 'node:util';
import { loadCountyConfig } from '../infra/config/county-config.ts';
import { countyTableName } from '../infra/config/operations.ts';
import { TABLES } from '../shared/platform/tables.ts';
import { setRestoredTable } from './lib/county-config-file.ts';
import { dynamoRestoreApi } from './lib/dynamo-restore-api.ts';
import { restoreTable, RestoreError } from './lib/restore.ts';

const RESTORABLE = TABLES.filter((t) => t.id !== 'audit');
const USAGE = `用法：npm run restore -- --county <县区代码> --table <${RESTORABLE.map((t) => t.id).join('|')}> (--to <时间，如 2026-11-20T08:00+08:00> | --latest)`;

const main = async (): Promise<number> => {
  const { values } = parseArgs({
    options: { county: { type: 'string' }, table: { type: 'string' }, to: { type: 'string' }, latest: { type: 'boolean', default: false } },
  });
  if (values.table === 'audit') {
    // append-only (等保 安全审计): going back in time would drop the events written since
    console.error('审计表只追加，不做时间点恢复：恢复会丢失其后的审计事件');
    return 2;
  }
  const def = RESTORABLE.find((t) => t.id === values.table);
  const at = values.latest ? 'latest' : values.to ? new Date(values.to) : undefined;
  if (!values.county || !def || !at || (at !== 'latest' && Number.isNaN(at.getTime())) || (values.to && values.latest)) {
    console.error(USAGE);
    return 2;
  }
  if (values.to && !/(Z|[+-]\d{2}:?\d{2})$/.test(values.to)) {
    console.error('请在时间中写明时区，如 2026-11-20T08:00+08:00（北京时间）');
    return 2;
  }
  const county = loadCountyConfig(values.county);
  const source = countyTableName(county, def.id);
  const { target } = await restoreTable(dynamoRestoreApi(county.region), { countyCode: county.code, def, source, at, now: new Date() }, (l) => console.log(l));
  const file = setRestoredTable(county.code, def.id, target);
  console.log(`\n已恢复到新表 ${target}，并写入 ${file}（restoredTables.${def.id}）。`);
  console.log('下一步：');
  console.log(`  1. 部署：npx cdk deploy -c county=${county.code} --all   （函数改用新表；原表 ${source} 保留；数据迁移在新表上重新执行）`);
  console.log('  2. 检查：npm run smoke -- --url <API 地址>');
  console.log(`  3. 提交 ${file} 的修改，以后的部署都沿用新表。`);
  return 0;
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof RestoreError ? `未恢复：${e.message}` : `失败：${(e as Error).name}: ${(e as Error).message}`);
    process.exit(1);
  },
);
