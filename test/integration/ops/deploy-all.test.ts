import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../local/modules.ts';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { runCommand } from '../../support/run-command.ts';

/**
 * `npm run deploy:all` with a stand-in for the CDK CLI (a real deploy needs an AWS account): the
 * joint validation, the pool, the progress lines, the summary table and the exit code; `--smoke`
 * against a real local county.
 */
const counties = (extra: Record<string, unknown> = {}) => {
  const dir = mkdtempSync(join(tmpdir(), 'bm-province-'));
  for (const code of ['411521', '640502']) copyFileSync(join(ROOT, 'infra/counties', `${code}.json`), join(dir, `${code}.json`));
  for (const [file, json] of Object.entries(extra)) writeFileSync(join(dir, file), JSON.stringify(json, null, 2));
  return dir;
};
const config = (code: string) => JSON.parse(readFileSync(join(ROOT, 'infra/counties', `${code}.json`), 'utf8')) as Record<string, any>;
const deployAll = (dir: string, args: string[], env: Record<string, string> = {}) =>
  runCommand('deploy-all.ts', args, { BIANMIN_COUNTIES_DIR: dir, BIANMIN_CDK: `${process.execPath} ${join(ROOT, 'test/fixtures/fake-cdk.mjs')}`, ...env });

describe('npm run deploy:all', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
  });
  afterAll(() => stack.stop());

  it('deploys every county N at a time, with progress lines and a summary table', async () => {
    const r = await deployAll(counties(), ['--parallel', '2']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/共 2 个县区配置检查通过；部署 2 个，每次 2 个/);
    expect(r.stdout).toMatch(/411521 罗山县.*cn-north-1.*Bianmin-411521-App UPDATE_IN_PROGRESS/); // a progress line
    const summary = r.stdout.slice(r.stdout.lastIndexOf('县区  '));
    expect(summary).toMatch(/411521\s+罗山县\s+cn-north-1\s+Data UPDATE_COMPLETE, App UPDATE_COMPLETE\s+\d+\.\d s\s+https:\/\/411521\.execute-api/);
    expect(summary).toMatch(/640502\s+中卫市沙坡头区\s+cn-northwest-1\s+Data UPDATE_COMPLETE, App UPDATE_COMPLETE/);
    expect(r.stdout).toMatch(/2\/2 个县区部署成功/);
  });

  it('reports a failed county with its reason and exits 1, the others still deployed', async () => {
    const r = await deployAll(counties(), ['--parallel', '1'], { FAKE_CDK_FAIL: '640502' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/640502\s+中卫市沙坡头区\s+cn-northwest-1\s+Data UPDATE_COMPLETE, App UPDATE_ROLLBACK_COMPLETE/);
    expect(r.stdout).toMatch(/640502 中卫市沙坡头区 失败：Error: The stack named Bianmin-640502-App failed to deploy/);
    expect(r.stdout).toMatch(/1\/2 个县区部署成功/);
  });

  it('validates every config together first and deploys nothing when one is wrong', async () => {
    const unknownRegion = {
      code: '640503',
      name: '测试区',
      region: 'cn-south-9',
      offices: { id: '640503-center', name: '测试区政务服务中心', kind: 'county_center' },
    };
    const badSchema = { ...unknownRegion, code: '640504', name: '', offices: { ...unknownRegion.offices, id: '640504-center' } };
    const r = await deployAll(counties({ '411522.json': config('411521'), '640503.json': unknownRegion, '640504.json': badSchema }), ['--parallel', '4']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/县区配置未通过检查（\d+ 处），未部署任何县区/);
    expect(r.stderr).toMatch(/411522\.json：code 为 411521，与文件名不符/);
    expect(r.stderr).toMatch(/411522\.json：县区代码 411521 已用于 411521\.json/);
    expect(r.stderr).toMatch(/411522\.json：机构编号 411521-center 已用于 411521\.json/);
    expect(r.stderr).toMatch(/640503\.json：区域 cn-south-9 不在已知区域中/);
    expect(r.stderr).toMatch(/640504\.json[\s\S]*name: 请填写县区名称/);
    expect(r.stdout).not.toMatch(/UPDATE/);
  });

  it('runs the smoke test against each deployed API with --smoke', async () => {
    const r = await deployAll(counties(), ['--county', '411521', '--smoke'], { FAKE_CDK_API_411521: stack.url });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/411521\s+罗山县\s+cn-north-1\s+Data UPDATE_COMPLETE, App UPDATE_COMPLETE\s+\S+ s\s+通过/);
  });
});
