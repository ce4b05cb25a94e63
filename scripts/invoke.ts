/**
 * `npm run invoke -- <function-name>`: fires one scheduled (or queue) handler by hand against the
 * running `npm start` platform, with the event shape EventBridge would send.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEDULES } from '../shared/platform/schedules.ts';
import { ROOT } from '../local/modules.ts';
import { invokeSchedule } from '../local/scheduler.ts';

const name = process.argv[2];
const names = SCHEDULES.map((s) => s.id).join(', ');
const def = SCHEDULES.find((s) => s.id === name);
if (!def) {
  console.error(`用法：npm run invoke -- <函数名>，可选：${names}`);
  process.exit(2);
}
const runtime = join(ROOT, '.data', 'runtime.json');
if (!existsSync(runtime)) {
  console.error('本地平台未运行：请先在另一个终端运行 npm start');
  process.exit(1);
}
const { env } = JSON.parse(readFileSync(runtime, 'utf8')) as { env: Record<string, string> };
Object.assign(process.env, env);
const result = await invokeSchedule(def, env.AWS_REGION ?? 'cn-north-1');
console.log(JSON.stringify(result ?? { ok: true }, null, 2));
process.exit(0);
