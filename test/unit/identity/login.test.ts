import { beforeEach, describe, expect, it } from 'vitest';
import { login } from '../../../shared/identity/login.ts';
import { ADDRESS_FAILURE_LIMIT } from '../../../shared/identity/attempts.ts';
import { authorizeToken } from '../../../shared/identity/authorize.ts';
import { DomainError } from '../../../shared/errors/domain-errors.ts';
import { META, PASSWORD, world, type World } from './fixtures.ts';

/** 身份鉴别 on the in-memory directory and a fake clock. */
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof DomainError)) throw new Error(`expected a domain error, got ${String(e)}`);
  return { kind: e.kind, code: e.code, message: e.message, details: e.details };
};

describe('login (fake clock, memory directory)', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  const as = (username: string, password = PASSWORD, totp?: string, meta = META) => login(w.ports, { username, password, ...(totp ? { totp } : {}) }, meta);

  it('a clerk signs in with the password: a signed token, a 12-hour session, the audit committed with it', async () => {
    const r = await as('clerk.lingshan');
    expect(r.user).toMatchObject({ username: 'clerk.lingshan', officeName: '灵山镇', mustChangePassword: false });
    expect(r.user.scopes).toContain('case.accept');
    expect(r.expiresAt).toBe('2026-11-22T13:00:00.000Z');
    const claims = await w.signer.verify(r.token, w.clock());
    const session = w.directory.sessions.get(claims.sid)!;
    expect(session).toMatchObject({ userId: w.user('clerk.lingshan').id, revoked: false, createdAt: '2026-11-22T01:00:00.000Z' });
    expect(w.directory.audits).toEqual([expect.objectContaining({ action: 'auth.login', result: 'success', sourceIp: '10.0.0.1' })]);
    expect(JSON.stringify(r)).not.toMatch(/passwordHash|totpSecret/);
  });

  it('a wrong password, an unknown user and a disabled user get the same answer, each audited', async () => {
    w.directory.users.get(w.user('clerk.county').id)!.disabled = true;
    const answers = [await refusal(as('clerk.lingshan', 'Wrong-pass-1')), await refusal(as('nobody')), await refusal(as('clerk.county'))];
    for (const a of answers) expect(a).toMatchObject({ kind: 'unauthenticated', code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    expect(w.audit.events.map((e) => [e.result, e.detail])).toEqual([
      ['failure', 'wrong password'],
      ['failure', 'unknown user'],
      ['failure', 'disabled'],
    ]);
  });

  it('locks after 5 failures: the sixth attempt, even with the right password, answers 423 in Beijing time', async () => {
    for (let i = 1; i <= 5; i++) expect((await refusal(as('agent.demo', `Wrong-pass-${i}`))).code).toBe('INVALID_CREDENTIALS');
    const locked = await refusal(as('agent.demo'));
    expect(locked).toMatchObject({ kind: 'locked', code: 'ACCOUNT_LOCKED', details: { lockedUntil: '2026-11-22T01:15:00.000Z' } });
    expect(locked.message).toBe('连续输错密码 5 次，账户已锁定至 09:15（北京时间），请届时再试或联系管理员');
  });

  it('unlocks 15 minutes later, and a success clears the count', async () => {
    for (let i = 1; i <= 5; i++) await refusal(as('agent.demo', `Wrong-pass-${i}`));
    w.advance(14 * 60_000);
    expect((await refusal(as('agent.demo'))).code).toBe('ACCOUNT_LOCKED');
    w.advance(60_000 + 1);
    await expect(as('agent.demo')).resolves.toMatchObject({ user: { username: 'agent.demo' } });
    // the count starts again from zero: four more failures do not lock
    for (let i = 1; i <= 4; i++) await refusal(as('agent.demo', `Wrong-pass-${i}`));
    await expect(as('agent.demo')).resolves.toBeDefined();
  });

  it('TOTP: required for the admin, a wrong code refused, a used code refused, then the next step accepted', async () => {
    expect(await refusal(as('admin'))).toMatchObject({ code: 'TOTP_REQUIRED', message: '请输入动态口令（手机验证器上的 6 位数字）' });
    // the password step is recorded as a step, not as a failed sign-in
    expect(w.audit.events.at(-1)).toMatchObject({ action: 'auth.login.password', result: 'success' });
    expect(w.audit.events.filter((e) => e.result === 'failure')).toEqual([]);
    const wrong = w.code('admin') === '000000' ? '111111' : '000000';
    expect(await refusal(as('admin', PASSWORD, wrong))).toMatchObject({ code: 'INVALID_TOTP', message: '动态口令错误，请核对手机验证器上的 6 位数字' });
    const code = w.code('admin');
    await expect(as('admin', PASSWORD, code)).resolves.toMatchObject({ user: { username: 'admin', totpEnrolmentRequired: false } });
    expect(await refusal(as('admin', PASSWORD, code))).toMatchObject({ code: 'INVALID_TOTP', message: '该动态口令已使用过，请等待验证器显示新的 6 位数字' });
    w.advance(30_000);
    await expect(as('admin', PASSWORD, w.code('admin'))).resolves.toBeDefined();
  });

  it('a wrong TOTP code counts like a wrong password toward the lock', async () => {
    const wrong = w.code('supervisor') === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 5; i++) await refusal(as('supervisor', PASSWORD, wrong));
    expect((await refusal(as('supervisor', PASSWORD, w.code('supervisor')))).code).toBe('ACCOUNT_LOCKED');
  });

  it('a first login (temporary password, or TOTP not yet enrolled) gets only the session scope', async () => {
    w.directory.users.get(w.user('clerk.zhugan').id)!.mustChangePassword = true;
    const first = await as('clerk.zhugan');
    expect(first.user).toMatchObject({ mustChangePassword: true, scopes: ['session'] });
    expect((await authorizeToken(w.ports, first.token)).scopes).toEqual(['session']);
    delete w.directory.users.get(w.user('head.county').id)!.totpSecret;
    const head = await as('head.county');
    expect(head.user).toMatchObject({ totpEnrolmentRequired: true, scopes: ['session'] });
    expect((await authorizeToken(w.ports, head.token)).scopes).toEqual(['session']);
  });

  it(`an address with ${ADDRESS_FAILURE_LIMIT} failures in 15 minutes must wait (429), whatever the account`, async () => {
    const other = { ...META, sourceIp: '10.0.0.99' };
    // four accounts × five failures (each account locks at five; the address counts them all)
    const accounts = ['clerk.county', 'clerk.zhugan', 'agent.demo', 'clerk.lingshan'];
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) await refusal(as(accounts[i % 4]!, `Wrong-${i}`, undefined, other));
    expect(await refusal(as('head.lingshan', PASSWORD, undefined, other))).toMatchObject({ kind: 'too-many', code: 'TOO_MANY_ATTEMPTS' });
    await expect(as('head.lingshan', PASSWORD, w.code('head.lingshan'))).resolves.toBeDefined(); // another address is not slowed down
  });
});
