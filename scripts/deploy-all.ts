/**
 * `npm run deploy:all -- --parallel 4`: deploys every county of infra/counties/ (or
 * `--province 41`, `--county <code>`…), N at a time, with a progress line per county and a summary
 * table (county, region, stack status, duration). Every config is validated — alone and against
 * the others — before anything is deployed. `--dry-run` validates and prints the plan; `--smoke`
 * runs `npm run smoke` against each deployed API. AWS credentials that reach the counties' accounts.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { checkCountiesTogether, readCountyFiles, type CountyFile } from '../infra/config/province.ts';
import { ROOT } from '../local/modules.ts';
import { newProgress, readCdkLine, type CdkProgress } from './lib/cdk-progress.ts';
import { countiesDir } from './lib/county-config-file.ts';
import { selectCounties, SelectionError } from './lib/select-counties.ts';
import { runSmoke } from './lib/smoke-checks.ts';
import { formatTable, seconds } from './lib/table.ts';

interface Job {
  county: CountyFile['config'];
  progress: CdkProgress;
  startedAt?: number;
  endedAt?: number;
  code?: number | null;
  smoke?: string;
}

/** The CDK CLI (tests put a stand-in here). */
const cdkCommand = (): string[] => (process.env.BIANMIN_CDK ?? 'npx cdk').split(' ');

const deploy = (job: Job, onLine: () => void): Promise<void> =>
  new Promise((resolve) => {
    const [cmd, ...pre] = cdkCommand();
    // one output directory per county: parallel synths must not share cdk.out
    const out = join(ROOT, 'cdk.out', 'deploy', job.county.code);
    mkdirSync(out, { recursive: true });
    const child = spawn(
      cmd!,
      [...pre, 'deploy', '-c', `county=${job.county.code}`, '--all', '--require-approval', 'never', '--progress', 'events', '--ci', '-o', out],
      {
        cwd: ROOT,
        env: { ...process.env, AWS_EC2_METADATA_DISABLED: process.env.AWS_EC2_METADATA_DISABLED ?? 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    job.startedAt = Date.now();
    job.progress.stage = '开始';
    onLine();
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (l) => {
        readCdkLine(job.progress, l);
        onLine();
      });
    }
    child.once('error', (e) => {
      job.progress.error = e.message;
    });
    child.once('close', (code) => {
      job.code = code;
      job.endedAt = Date.now();
      if (code !== 0) job.progress.error ??= `cdk 退出码 ${code}`;
      job.progress.stage = code === 0 ? '完成' : '失败';
      onLine();
      resolve();
    });
  });

/** A TTY gets one line per county, redrawn in place; a log (CI) gets a line per change of stage. */
const display = (jobs: readonly Job[]) => {
  const tty = Boolean(process.stdout.isTTY);
  let drawn = 0;
  const last = new Map<string, string>();
  const line = (j: Job) => {
    const t = j.startedAt ? seconds((j.endedAt ?? Date.now()) - j.startedAt) : '';
    return `  ${j.county.code} ${j.county.name.padEnd(8, '　')} ${j.county.region.padEnd(15)} ${t.padStart(10)}  ${j.progress.stage}`.slice(
      0,
      (process.stdout.columns || 120) - 1,
    );
  };
  return () => {
    if (tty) {
      if (drawn) process.stdout.write(`\x1b[${drawn}A`);
      process.stdout.write(jobs.map((j) => `\x1b[2K${line(j)}\n`).join(''));
      drawn = jobs.length;
      return;
    }
    for (const j of jobs) {
      if (last.get(j.county.code) === j.progress.stage) continue;
      last.set(j.county.code, j.progress.stage);
      console.log(line(j));
    }
  };
};

const statusText = (j: Job): string =>
  [...j.progress.stacks].map(([stack, s]) => `${stack.replace(/^Bianmin-\d{6}-/, '')} ${s}`).join(', ') || (j.code === undefined ? '未开始' : '无');

const main = async (): Promise<number> => {
  const { values } = parseArgs({
    options: {
      parallel: { type: 'string', default: '2' },
      county: { type: 'string', multiple: true },
      province: { type: 'string' },
      all: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      smoke: { type: 'boolean', default: false },
    },
  });
  const parallel = Number(values.parallel);
  if (!Number.isInteger(parallel) || parallel < 1 || parallel > 16) {
    console.error('--parallel 须为 1–16 的整数');
    return 2;
  }
  const { counties, problems } = readCountyFiles(countiesDir());
  problems.push(...checkCountiesTogether(counties));
  if (problems.length) {
    console.error(`县区配置未通过检查（${problems.length} 处），未部署任何县区：\n${problems.map((p) => `  ${p}`).join('\n')}`);
    return 1;
  }
  const codes = selectCounties(
    counties.map((c) => c.config.code),
    values.county?.length || values.province ? values : { all: true },
  );
  const jobs: Job[] = codes.map((code) => ({ county: counties.find((c) => c.config.code === code)!.config, progress: newProgress() }));
  console.log(`共 ${counties.length} 个县区配置检查通过；部署 ${jobs.length} 个，每次 ${Math.min(parallel, jobs.length)} 个。\n`);
  if (values['dry-run']) {
    console.log(
      formatTable(
        ['县区', '名称', '区域', '账号'],
        jobs.map((j) => [j.county.code, j.county.name, j.county.region, j.county.account ?? '（凭证所属账号）']),
      ),
    );
    return 0;
  }

  const redraw = display(jobs);
  const queue = [...jobs];
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: Math.min(parallel, jobs.length) }, async () => {
      for (let j = queue.shift(); j; j = queue.shift()) {
        await deploy(j, redraw);
        if (values.smoke && j.code === 0 && j.progress.apiUrl) {
          const r = await runSmoke(j.progress.apiUrl);
          j.smoke = r.every((x) => x.ok)
            ? '通过'
            : `失败：${r
                .filter((x) => !x.ok)
                .map((x) => x.check.split(' ')[0])
                .join('、')}`;
        }
      }
    }),
  );
  redraw();

  console.log(
    `\n${formatTable(
      ['县区', '名称', '区域', '堆栈状态', '用时', ...(values.smoke ? ['冒烟检查'] : []), 'API'],
      jobs.map((j) => [
        j.county.code,
        j.county.name,
        j.county.region,
        statusText(j),
        j.startedAt ? seconds((j.endedAt ?? Date.now()) - j.startedAt) : '-',
        ...(values.smoke ? [j.smoke ?? '-'] : []),
        j.progress.apiUrl ?? '',
      ]),
    )}`,
  );
  const failed = jobs.filter((j) => j.code !== 0);
  for (const j of failed) console.log(`\n${j.county.code} ${j.county.name} 失败：${j.progress.error ?? ''}`);
  const smokeFailed = jobs.filter((j) => j.smoke?.startsWith('失败'));
  console.log(
    `\n${jobs.length - failed.length}/${jobs.length} 个县区部署成功，总用时 ${seconds(Date.now() - t0)}${smokeFailed.length ? `；${smokeFailed.length} 个冒烟检查失败` : ''}`,
  );
  if (!values.smoke && failed.length < jobs.length)
    console.log('下一步：对每个县区运行 npm run smoke -- --url <API>；新县区按 README“部署一个县区”创建首个管理员。');
  return failed.length || smokeFailed.length ? 1 : 0;
};

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof SelectionError ? e.message : `失败：${(e as Error).name}: ${(e as Error).message}`);
    process.exit(e instanceof SelectionError ? 2 : 1);
  },
);
