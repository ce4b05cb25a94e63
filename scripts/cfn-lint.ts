/**
 * `npm run lint:cfn`: synthesizes every county's templates as `cdk synth` does (bundling
 * included) and runs cfn-lint over them for the China regions. Fails on any cfn-lint error;
 * warnings are listed and counted, none suppressed.
 *   npm run lint:cfn                      every county of infra/counties/
 *   npm run lint:cfn -- --dir cdk.out     lint templates synthesized before
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../local/modules.ts';
import { formatTable, seconds } from './lib/table.ts';

const REGIONS = ['cn-north-1', 'cn-northwest-1'];
const { values } = parseArgs({ options: { dir: { type: 'string' }, county: { type: 'string', default: 'all' } } });

let dir = values.dir;
if (!dir) {
  dir = mkdtempSync(join(tmpdir(), 'bianmin-synth-'));
  const t0 = Date.now();
  console.log(`合成 county=${values.county} 的模板到 ${dir}（含打包，需数分钟）…`);
  const synth = spawnSync('npx', ['cdk', 'synth', '-c', `county=${values.county}`, '-o', dir, '--quiet'], {
    cwd: ROOT,
    env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (synth.status !== 0) {
    console.error(`cdk synth 失败（退出码 ${synth.status}）`);
    process.exit(1);
  }
  console.log(`合成用时 ${seconds(Date.now() - t0)}`);
}
const templates = readdirSync(dir).filter((f) => f.endsWith('.template.json')).sort();
if (!templates.length) {
  console.error(`${dir} 中没有 *.template.json`);
  process.exit(1);
}
const lint = spawnSync('cfn-lint', ['--regions', ...REGIONS, '--format', 'parseable', '--', ...templates], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
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
console.log(formatTable(['模板', '错误', '警告', '提示'], templates.map((t) => [t, String(count(t, 'E')), String(count(t, 'W')), String(count(t, 'I'))])));
const byRule = new Map<string, { n: number; example: string }>();
for (const f of findings) byRule.set(f.rule, { n: (byRule.get(f.rule)?.n ?? 0) + 1, example: byRule.get(f.rule)?.example ?? `${f.file}:${f.line} ${f.message}` });
if (byRule.size) console.log(`\n${formatTable(['规则', '次数', '示例'], [...byRule].sort().map(([r, v]) => [r, String(v.n), v.example.slice(0, 160)]))}`);
const errors = findings.filter((f) => f.rule.startsWith('E'));
for (const e of errors) console.error(`${e.file}:${e.line} ${e.rule} ${e.message}`);
// exit bit 2 = an error; a crash of cfn-lint itself (other codes, no findings) fails too
const crashed = lint.status !== 0 && !findings.length;
if (crashed) console.error(lint.stderr);
console.log(errors.length ? `\n${errors.length} 个错误` : `\n0 个错误（${findings.length} 条警告/提示）`);
process.exit(errors.length || crashed || (lint.status ?? 0) & 2 ? 1 : 0);
