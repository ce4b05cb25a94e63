import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { URI } from 'otpauth';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { runCommand, runtimeFileFor } from '../../support/run-command.ts';

/** Day one on an empty county: the command's admin signs in, must change the password and enrol TOTP, then can work. */
describe('npm run admin:create -- --local', () => {
  let stack: TestStack;
  let runtime: string;
  beforeAll(async () => {
    stack = await startTestStack({ seed: false });
    runtime = runtimeFileFor(stack);
  });
  afterAll(() => stack.stop());

  const create = (...args: string[]) => runCommand('admin-create.ts', ['--local', '--runtime', runtime, '--county', '411521', ...args]);
  const passwordOf = (stdout: string) => /^一次性密码: (\S+)$/m.exec(stdout)?.[1];

  let firstPassword = '';

  it('writes the offices of the config and prints a one-time password once', async () => {
    const r = await create('--username', 'root.admin');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/机构：按县区配置写入 \d+ 个/);
    firstPassword = passwordOf(r.stdout)!;
    expect(firstPassword).toMatch(/^\S{16}$/);
  });

  it('signs in with it to a token that can do nothing but change the password and enrol TOTP', async () => {
    const res = await stack.fetch('/api/auth/login', { method: 'POST', json: { username: 'root.admin', password: firstPassword } });
    expect(res.status).toBe(200);
    const { token, user } = (await res.json()) as { token: string; user: any };
    expect(user).toMatchObject({
      roles: ['county_admin'],
      officeId: '411521-center',
      scopes: ['session'],
      mustChangePassword: true,
      totpEnrolmentRequired: true,
    });
    expect((await stack.fetch('/api/cases', { token })).status).toBe(403);
    expect((await stack.fetch('/api/users?officeId=411521-center', { token })).status).toBe(403);

    const changed = await stack.fetch('/api/auth/password', {
      method: 'POST',
      token,
      json: { currentPassword: firstPassword, newPassword: 'Luoshan#Admin2026' },
    });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as any).user.scopes).toEqual(['session']); // TOTP still to enrol
    const enrol = (await (await stack.fetch('/api/auth/totp/enrol', { method: 'POST', token })).json()) as { otpauthUri: string };
    const code = (URI.parse(enrol.otpauthUri) as unknown as { generate(): string }).generate();
    const confirmed = await stack.fetch('/api/auth/totp/confirm', { method: 'POST', token, json: { code } });
    expect(confirmed.status).toBe(200);
    expect(((await confirmed.json()) as any).user.scopes).toContain('user.manage:county');

    // the offices came from the config: the admin can now manage the township's staff
    expect((await stack.fetch('/api/users?officeId=411521-lingshan', { token })).status).toBe(200);
    const audit = (await (await stack.fetch('/api/audit?actor=admin:create', { token })).json()) as {
      events: Array<{ action: string; actor: any; detail: string }>;
    };
    expect(audit.events.map((e) => e.action).sort()).toEqual(['office.sync', 'user.create']);
    expect(audit.events.find((e) => e.action === 'user.create')!.actor).toEqual({
      userId: 'command:admin:create',
      username: 'admin:create',
      officeId: '411521-center',
    });
  });

  it('refuses a second run, and creates another admin with --force', async () => {
    const again = await create('--username', 'second.admin');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/首个县级管理员已由此命令.*root\.admin.*--force/);
    expect(passwordOf(again.stdout)).toBeUndefined();
    const login = await stack.fetch('/api/auth/login', { method: 'POST', json: { username: 'second.admin', password: 'whatever-Aa1!' } });
    expect(login.status).toBe(401);

    const forced = await create('--username', 'second.admin', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/--force.*root\.admin/);
    const second = await stack.fetch('/api/auth/login', { method: 'POST', json: { username: 'second.admin', password: passwordOf(forced.stdout) } });
    expect(second.status).toBe(200);
  });

  it('refuses a taken username and a bad one, naming the problem, and asks for its arguments', async () => {
    const taken = await create('--username', 'root.admin', '--force');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/root\.admin 已被使用/);
    const bad = await create('--username', 'Root Admin', '--force');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/用户名为 3–32 位小写字母/);
    const usage = await runCommand('admin-create.ts', ['--local', '--runtime', runtime]);
    expect(usage.code).toBe(2);
    const other = await runCommand('admin-create.ts', ['--local', '--runtime', runtime, '--county', '640502', '--username', 'x.admin']);
    expect(other.stderr).toMatch(/本地平台运行的是县区 411521/);
  });
});
