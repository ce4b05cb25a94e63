/**
 * `npm start`: the whole Bianmin locally, on embedded emulators, seeded with the demo county.
 *   npm start -- --reset      start with empty data
 *   npm start -- --port 3100  another port (default 3000, or $PORT)
 *   npm start -- --county 640502  another county of infra/counties/ (default 411521), configured
 *                                 exactly as its stack would configure the functions
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startPlatform } from '../local/platform.ts';
import { portTaken } from '../local/free-port.ts';
import { ROOT } from '../local/modules.ts';
import { shownDir } from '../local/shown-dir.ts';

const { values } = parseArgs({
  options: {
    reset: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    county: { type: 'string', default: '411521' },
    verbose: { type: 'boolean', default: false },
    // for the start-up test: serve whatever web/dist holds instead of building it
    'skip-web-build': { type: 'boolean', default: false },
    'data-dir': { type: 'string', default: join(ROOT, '.data') },
  },
});
const port = Number(values.port);

const newestMtime = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }, 0);

/** Builds the web front when it is missing or older than its sources. */
const ensureWebBuilt = async (): Promise<void> => {
  const index = join(ROOT, 'web', 'dist', 'index.html');
  const src = join(ROOT, 'web', 'src');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(src)) return;
  console.log('构建前端 (web/dist)…');
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'web', 'vite.config.ts'), logLevel: 'warn' });
};

const main = async (): Promise<void> => {
  if (await portTaken(port)) {
    console.error(`端口 ${port} 已被占用：请先关闭占用它的程序，或用 npm start -- --port <其他端口> 启动。`);
    process.exit(1);
  }
  if (!values.verbose) process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
  const t0 = Date.now();
  if (!values['skip-web-build']) await ensureWebBuilt();
  const platform = await startPlatform({
    port,
    dataDir: values['data-dir'],
    countyCode: values.county,
    reset: values.reset,
    seed: true,
    seedHistory: true,
    persist: true,
    log: values.verbose ? (l) => console.log(l) : () => undefined,
  });

  console.log(
    `\n便民 Bianmin 已启动（演示县：${platform.county.name} ${platform.county.code}，数据为演示数据）用时 ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(`  网址        ${platform.url}`);
  console.log(`  健康检查    ${platform.url}/api/health`);
  if (platform.province) console.log(`  省平台(模拟) ${platform.province}/__received  (POST /__down?on=1 模拟停机, /__reject?itemCode=…&reason=… 模拟退回)`);
  console.log(`  数据目录    ${shownDir(values['data-dir'])}   (npm start -- --reset 清空重来)\n`);
  console.log('演示账号（密码均为 Bianmin@2026）：');
  for (const l of platform.seed?.logins ?? []) {
    console.log(`  ${l.username.padEnd(16)} ${l.role.padEnd(14)} ${l.office}`);
    if (l.totpUri) console.log(`  ${''.padEnd(16)} 动态口令: ${l.totpUri}`);
  }
  console.log(`\n示例事项 ${platform.seed?.items ?? 0} 项。按 Ctrl-C 停止。`);
  void platform.history?.then((h) => {
    if (h && !stopping)
      console.log(
        h.skipped
          ? `演示历史办件 ${h.cases} 件（近三个月）已在。`
          : `演示历史办件 ${h.cases} 件（近三个月，含黄牌、红牌、督办）已写入，用时 ${(h.ms / 1000).toFixed(1)} s。`,
      );
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n收到 ${signal}，正在停止…`);
    await platform.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
};

main().catch((e: unknown) => {
  console.error(`启动失败：${(e as Error).message}`);
  process.exit(1);
});
