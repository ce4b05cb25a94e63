/**
 * `npm run redrive -- <queue> [--max N] [--dry-run] [--queue-url URL]`: moves the messages resting
 * in a queue's dead-letter queue back to the queue (AWS China has no console redrive).
 * Against the running `npm start` by default; with `--queue-url` against any SQS queue the ambient
 * AWS credentials reach (a deployed county). The deployed twin is functions/ops/redrive.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUEUES } from '../shared/platform/queues.ts';
import { ROOT } from '../local/modules.ts';

const args = process.argv.slice(2);
let name: string | undefined;
let max: number | undefined;
let dryRun = false;
let url: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--max') max = Number(args[++i]);
  else if (a === '--dry-run') dryRun = true;
  else if (a === '--queue-url') url = args[++i];
  else name ??= a;
}
const names = QUEUES.map((q) => q.id).join(', ');
const def = QUEUES.find((q) => q.id === name);
if (!def || (max !== undefined && !(Number.isInteger(max) && max > 0))) {
  console.error(`用法：npm run redrive -- <队列名> [--max 条数] [--dry-run] [--queue-url 队列地址]，可选队列：${names}`);
  process.exit(2);
}
if (!url) {
  const runtime = join(ROOT, '.data', 'runtime.json');
  if (!existsSync(runtime)) {
    console.error('本地平台未运行：请先在另一个终端运行 npm start（或用 --queue-url 指定已部署县区的队列）');
    process.exit(1);
  }
  const { env } = JSON.parse(readFileSync(runtime, 'utf8')) as { env: Record<string, string> };
  Object.assign(process.env, env);
  url = env[def.envVar];
}
const { redrive } = await import('../shared/network/redrive.ts');
const { sqsMover } = await import('../shared/network/sqs-redrive.ts');
const report = await redrive(sqsMover(), { queueUrl: url!, ...(max ? { max } : {}), dryRun });
console.log(
  dryRun ? `死信队列中有 ${report.remaining} 条消息（未移动）` : `已将 ${report.moved} 条消息移回 ${def.id} 队列；死信队列剩余 ${report.remaining} 条`,
);
process.exit(0);
