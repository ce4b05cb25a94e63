/**
 * `npm run invoke -- <function-name> [--now <ISO instant>]`: fires one scheduled handler by hand
 * against the running `npm start` platform, with the event shape EventBridge would send.
 * `--now` runs it "as if at" that instant (the event's `detail.now`, read by the schedule
 * handler factory), e.g. `npm run invoke -- overdue-scan --now 2026-12-01T10:00:00+08:00`.
 * `--data-dir <dir>` names the platform's data directory when `npm start` was given one (default .data).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEDULES } from '../shared/platform/schedules.ts';
import { nowOverride } from '../shared/schedule/handler.ts';
import { ROOT, loadHandler } from '../local/modules.ts';
import { scheduledEvent } from '../local/scheduler.ts';
import { lambdaContext } from '../local/lambda-context.ts';

const args = process.argv.slice(2);
let name: string | undefined;
let now: string | undefined;
let dataDir = join(ROOT, '.data');
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--now') now = args[++i];
  else if (a.startsWith('--now=')) now = a.slice('--now='.length);
  else if (a === '--data-dir') dataDir = args[++i] ?? dataDir;
  else if (a.startsWith('--data-dir=')) dataDir = a.slice('--data-dir='.length);
  else name ??= a;
}
const names = SCHEDULES.map((s) => s.id).join(', ');
const def = SCHEDULES.find((s) => s.id === name);
if (!def) {
  console.error(`用法：npm run invoke -- <函数名> [--now <时间，如 2026-12-01T10:00:00+08:00>] [--data-dir <目录>]，可选：${names}`);
  process.exit(2);
}
let at: Date | undefined;
try {
  at = now === undefined ? undefined : nowOverride({ detail: { now } });
} catch {
  console.error(`--now 须为带时区的 ISO 时间，如 2026-12-01T10:00:00+08:00（收到 ${JSON.stringify(now)}）`);
  process.exit(2);
}
const runtime = join(dataDir, 'runtime.json');
if (!existsSync(runtime)) {
  console.error('本地平台未运行：请先在另一个终端运行 npm start');
  process.exit(1);
}
const { env } = JSON.parse(readFileSync(runtime, 'utf8')) as { env: Record<string, string> };
Object.assign(process.env, env);
const event = scheduledEvent(def, env.AWS_REGION ?? 'cn-north-1', at);
const handler = await loadHandler('schedules', def.id);
const result = await handler(at ? { ...event, detail: { now: at.toISOString() } } : event, lambdaContext(def.id, 300_000));
console.log(JSON.stringify(result ?? { ok: true }, null, 2));
process.exit(0);
