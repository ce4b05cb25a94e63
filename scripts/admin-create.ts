/**
 * `npm run admin:create -- --county <code> --username <name>`: the first county admin of a
 * deployed county (AWS credentials of the county's account), or of the running `npm start` with
 * `--local`. Writes the county's offices from its config, creates the admin with a one-time
 * password printed once; the first sign-in must change it and enrol TOTP. Refuses a second run (the
 * admin it made is marked), unless `--force`.
 */
import { parseArgs } from 'node:util';
import { flattenOffices, loadCountyConfig } from '../infra/config/county-config.ts';
import { DomainError } from '../shared/errors/domain-errors.ts';
import { createFirstAdmin } from '../shared/identity/first-admin.ts';
import { dynamoFirstAdminStore } from '../shared/identity/dynamo-first-admin.ts';
import { systemClock } from '../shared/platform/clock.ts';
import { commandCaller, commandMeta, resolveTarget, TargetError, useTarget } from './lib/target.ts';

const USAGE = '用法：npm run admin:create -- --county <县区代码> --username <用户名> [--name <姓名>] [--force] [--local]';

const main = async (): Promise<number> => {
  const { values } = parseArgs({
    options: {
      county: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string', default: '县级管理员' },
      force: { type: 'boolean', default: false },
      local: { type: 'boolean', default: false },
      runtime: { type: 'string' },
    },
  });
  if (!values.username || (!values.county && !values.local)) {
    console.error(USAGE);
    return 2;
  }
  const target = resolveTarget(values);
  const county = loadCountyConfig(target.countyCode);
  useTarget(target);
  const offices = flattenOffices(county.offices).map((o) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    parentId: o.parentId,
    ...(o.demo ? { demo: true } : {}),
  }));
  const r = await createFirstAdmin(
    { directory: dynamoFirstAdminStore(), clock: systemClock },
    commandCaller('admin:create'),
    { username: values.username, displayName: values.name, offices, force: values.force },
    commandMeta('admin:create'),
  );
  console.log(`已为 ${county.name} (${county.code}) 创建县级管理员 —— ${target.label}`);
  if (r.officesWritten) console.log(`  机构：按县区配置写入 ${r.officesWritten} 个`);
  if (r.replaced) console.log(`  注意：--force，此前由本命令创建的管理员 ${r.replaced.username} 仍保留，请在“人员管理”中停用或重置`);
  console.log(`  用户名      ${r.user.username}`);
  console.log(`  所属机构    ${r.user.officeName}`);
  console.log(`一次性密码: ${r.temporaryPassword}`);
  console.log('此密码只显示这一次，请当面交给管理员本人。首次登录须修改密码，并用手机验证器绑定动态口令（TOTP）。');
  return 0;
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof DomainError || e instanceof TargetError) console.error(`未创建：${e.message}`);
    else console.error(`失败：${(e as Error).name}: ${(e as Error).message}`);
    process.exit(1);
  },
);
