import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { runCommand } from '../../support/run-command.ts';
import { runSmoke } from '../../../scripts/lib/smoke-checks.ts';
import { freePort } from '../../../local/free-port.ts';

/** `npm run smoke` against the real local gateway: passes on a working county, fails loudly otherwise. */
describe('npm run smoke', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
  });
  afterAll(() => stack.stop());

  it('passes every check against a working county, prints a table and exits 0', async () => {
    const r = await runCommand('smoke.ts', ['--url', stack.url]);
    expect(r.code).toBe(0);
    for (const check of ['健康检查', '事项查询', '到期日', '错误密码被拒', '无令牌被拒']) expect(r.stdout).toMatch(new RegExp(`${check}.*通过`));
    expect(r.stdout).toMatch(/全部 5 项通过/);
  });

  it('changes no data: items, staff and cases read the same before and after', async () => {
    const admin = await stack.login('admin');
    const clerk = await stack.login('clerk.county');
    const read = async () =>
      Promise.all([
        stack.fetch('/api/admin/items', { token: admin }).then((r) => r.text()),
        stack.fetch('/api/users?officeId=411521-center', { token: admin }).then((r) => r.text()),
        stack.fetch('/api/cases', { token: clerk }).then((r) => r.text()),
      ]);
    const before = await read();
    expect((await runSmoke(stack.url)).every((x) => x.ok)).toBe(true);
    expect(await read()).toEqual(before);
  });

  it('fails a county whose tables are missing, and one that does not answer, with exit 1', async () => {
    const broken = await startTestStack({ seed: false });
    process.env.TABLE_RATINGS = 'no-such-table'; // the handlers read their table names per call
    try {
      const results = await runSmoke(broken.url);
      expect(results.find((x) => x.check.startsWith('健康检查'))).toMatchObject({ ok: false, status: 503, detail: expect.stringContaining('table ratings') });
    } finally {
      await broken.stop();
    }
    const r = await runCommand('smoke.ts', ['--url', `http://127.0.0.1:${await freePort()}`, '--timeout', '2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/无法连接/);
    expect(r.stdout).toMatch(/5 项失败/);
  });
});
