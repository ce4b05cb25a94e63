/**
 * `npm run lint:cfn`: synthesizes every county's templates and runs cfn-lint over them for the
 * China regions. Fails on any cfn-lint error (or unsuppressed cdk-nag error); warnings are
 * listed and counted, none suppressed.
 *   npm run lint:cfn                      in process, the app of infra/app.ts with cdk.json's
 *                                         context, bundling skipped (the templates differ from
 *                                         `cdk synth` only in asset hashes): about a minute
 *   npm run lint:cfn -- --bundle          through `npx cdk synth`, bundling every function (minutes)
 *   npm run lint:cfn -- --dir cdk.out     templates synthesized before
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { App } from 'aws-cdk-lib';
import { buildApp } from '../infra/build-app.ts';
import { listCountyCodes } from '../infra/config/county-config.ts';
import { ROOT } from '../local/modules.ts';
import { formatTable, seconds } from './lib/table.ts';

const REGIONS = ['cn-north-1', 'cn-northwest-1'];
const { values } = parseArgs({ options: { dir: { type: 'string' }, county: { type: 'string', default: 'all' }, bundle: { type: 'boolean', default: false } } });

const synthInProcess = (dir: string, codes: readonly string[]): string[] => {
  const context = (JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
  // the metadata the CLI asks for too, so the templates are the ones `cdk synth` writes
  const app = new App({
    outdir: dir,
    context: {
      ...context,
      'aws:cdk:bundling-stacks': [],
      'aws:cdk:enable-path-metadata': true,
      'aws:cdk:enable-asset-metadata': true,
      'aws:cdk:version-reporting': true,
    },
  });
  buildApp(app, codes);
  app.synth();
  // what makes `cdk synth` fail: error annotations (cdk-nag findings without a suppression)
  return app.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:error').map((m) => `${c.node.path}: ${String(m.data)}`));
};

let dir = values.dir;
if (!dir) {
  dir = mkdtempSync(join(tmpdir(), 'bianmin-synth-'));
  const t0 = Date.now();
  console.log(`合成 county=${values.county} 的模板到 ${dir}${values.bundle ? '（cdk synth，含打包，需数分钟）' : ''}…`);
  if (values.bundle) {
    const synth = spawnSync('npx', ['cdk', 'synth', '-c', `county=${values.county}`, '-o', dir, '--quiet'], {
      cwd: ROOT,
      env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (synth.status !== 0) {
      console.error(`cdk synth 失败（退出码 ${synth.status}）`);
      process.exit(1);
    }
  } else {
    const nag = synthInProcess(dir, values.county === 'all' ? listCountyCodes() : [values.county]);
    if (nag.length) {
      console.error(`cdk-nag 错误 ${nag.length} 个（cdk synth 会因此失败）：\n${nag.slice(0, 20).join('\n')}`);
      process.exit(1);
    }
  }
  console.log(`合成用时 ${seconds(Date.now() - t0)}`);
}
const templates = readdirSync(dir)
  .filter((f) => f.endsWith('.template.json'))
  .sort();
if (!templates.length) {
  console.error(`${dir} 中没有 *.template.json`);
  process.exit(1);
}
const lint = spawnSync('cfn-lint', ['--regions', ...REGIONS, '--format', 'parseable', '--', ...templates], {
  cwd: dir,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (lint.error) {
  console.error(`无法运行 cfn-lint：${lint.error.message}（pip install cfn-lint）`);
  process.exit(1);
}
// parseable: file:line:col:endLine:endCol:RULE:message
const findings = lint.stdout
  .split('\n')
  .map((l) => /^(.+?\.template\.json):(\d+):\d+:\d+:\d+:([EWI]\d+):(.*)$/.exec(l))
  .filter((m): m is RegExpExecArray => Boolean(m))
  .map((m) => ({ file: m[1]!, line: m[2]!, rule: m[3]!, message: m[4]! }));
const count = (file: string, level: string) => findings.filter((f) => f.file === file && f.rule.startsWith(level)).length;
console.log(`\ncfn-lint ${spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).stdout.trim()}，区域 ${REGIONS.join(' ')}\n`);
console.log(
  formatTable(
    ['模板', '错误', '警告', '提示'],
    templates.map((t) => [t, String(count(t, 'E')), String(count(t, 'W')), String(count(t, 'I'))]),
  ),
);
const byRule = new Map<string, { n: number; example: string }>();
for (const f of findings)
  byRule.set(f.rule, { n: (byRule.get(f.rule)?.n ?? 0) + 1, example: byRule.get(f.rule)?.example ?? `${f.file}:${f.line} ${f.message}` });
if (byRule.size)
  console.log(
    `\n${formatTable(
      ['规则', '次数', '示例'],
      [...byRule].sort().map(([r, v]) => [r, String(v.n), v.example.slice(0, 160)]),
    )}`,
  );
const errors = findings.filter((f) => f.rule.startsWith('E'));
for (const e of errors) console.error(`${e.file}:${e.line} ${e.rule} ${e.message}`);
// exit bit 2 = an error; a crash of cfn-lint itself (other codes, no findings) fails too
const crashed = lint.status !== 0 && !findings.length;
if (crashed) console.error(lint.stderr);
console.log(errors.length ? `\n${errors.length} 个错误` : `\n0 个错误（${findings.length} 条警告/提示）`);
process.exit(errors.length || crashed || (lint.status ?? 0) & 2 ? 1 : 0);
