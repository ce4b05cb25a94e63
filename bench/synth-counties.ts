/**
 * `npm run bench:synth -- 100`: a province's worth of counties. Generates N county configs from the
 * demo county's (own codes, offices renamed) in a temporary directory and synthesizes all their
 * stack sets in one CDK app with cdk-nag, as `cdk synth -c county=all` does, bundling included
 * (`--no-bundling` to time the templates alone). Writes `synth_100_counties_s` into bench/results.json
 * (a run of exactly 100 with bundling). Target: 100 counties ≤ 10 minutes on a 2-core machine.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Tags } from 'aws-cdk-lib';
import { buildCounty } from '../infra/county.ts';
import { applyNag, suppressStackWide } from '../infra/nag.ts';
import { parseCountyConfig } from '../infra/config/county-config.ts';
import { ROOT } from '../local/modules.ts';
import { mergeFigures } from './results.ts';

const n = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100);
const bundling = !process.argv.includes('--no-bundling');
const dir = mkdtempSync(join(tmpdir(), 'bianmin-synth-'));
try {
  const template = readFileSync(join(ROOT, 'infra/counties/411521.json'), 'utf8');
  const configs = Array.from({ length: n }, (_v, i) => {
    const code = String(900001 + i);
    const file = join(dir, `${code}.json`);
    writeFileSync(file, template.replaceAll('411521', code).replace('"罗山县"', `"演示县${i + 1}"`));
    return parseCountyConfig(JSON.parse(readFileSync(file, 'utf8')), file);
  });
  const context = (JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const app = new App({ outdir: join(dir, 'cdk.out'), context: { ...context, ...(bundling ? {} : { 'aws:cdk:bundling-stacks': [] }) } });
  for (const county of configs) {
    const { data, appStack } = buildCounty(app, county);
    for (const s of [data, appStack]) suppressStackWide(s, county.region.startsWith('cn-'));
  }
  applyNag(app);
  Tags.of(app).add('project', 'bianmin');
  const assembly = app.synth();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // bundles are shared by every county (same entries, same options: CDK's asset cache), so the time
  // is not proportional to n: only a run of 100 writes the figure
  const whole = Math.round(seconds);
  // the machine may be shared: the CPU time of this process says what the synth itself costs
  console.log(
    `${n} counties (${assembly.stacks.length} stacks, bundling ${bundling ? 'on' : 'off'}): ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU of this process (+ esbuild's own) (target for 100 counties ≤ 600 s)`,
  );
  if (bundling && n === 100) mergeFigures({ synth_100_counties_s: whole });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
