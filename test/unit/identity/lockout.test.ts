import { beforeEach, describe, expect, it } from 'vitest';
import { login } from '../../../shared/identity/login.ts';
import { ADDRESS_FAILURE_LIMIT } from '../../../shared/identity/attempts.ts';
import { changePassword } from '../../../shared/identity/account.ts';
import { authorizeToken } from '../../../shared/identity/authorize.ts';
import { DomainError } from '../../../shared/errors/domain-errors.ts';
import type { DirectoryStore } from '../../../shared/identity/ports.ts';
import { META, PASSWORD, START, world, type World } from './fixtures.ts';

/** 等保 review: attempts are counted before they are checked, so parallel bursts gain nothing. */
const outcome = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof DomainError ? e.code : `crash: ${String(e)}`),
  );
const count = (xs: string[], x: string) => xs.filter((y) => y === x).length;

describe('lockout under parallel attempts (memory directory)', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  const as = (username: string, password = PASSWORD, totp?: string, meta = META) => login(w.ports, { username, password, ...(totp ? { totp } : {}) }, meta);

  it('20 wrong passwords at once, then the right one: 5 guesses are checked, the rest and the right one are locked out', async () => {
    const burst = Array.from({ length: 20 }, (_x, i) => outcome(as('clerk.lingshan', `Wrong-pass-${i}`)));
    const right = outcome(as('clerk.lingshan'));
    const answers = await Promise.all(burst);
    expect(count(answers, 'INVALID_CREDENTIALS')).toBe(5);
    expect(count(answers, 'ACCOUNT_LOCKED')).toBe(15);
    expect(await right).toBe('ACCOUNT_LOCKED');
    expect(await outcome(as('clerk.lingshan'))).toBe('ACCOUNT_LOCKED');
  });

  it('the same for TOTP codes: a burst of wrong codes with the right password locks the account', async () => {
    const wrong = (i: number) => String((Number(w.code('admin')) + 1 + i) % 1_000_000).padStart(6, '0');
    const burst = Array.from({ length: 20 }, (_x, i) => outcome(as('admin', PASSWORD, wrong(i * 7919))));
    const right = outcome(as('admin', PASSWORD, w.code('admin')));
    const answers = await Promise.all(burst);
    expect(count(answers, 'INVALID_TOTP')).toBe(5);
    expect(await right).toBe('ACCOUNT_LOCKED');
  });

  it('asking for the TOTP code (right password, no code) does not use up an attempt', async () => {
    for (let i = 0; i < 8; i++) expect(await outcome(as('admin'))).toBe('TOTP_REQUIRED');
    await expect(as('admin', PASSWORD, w.code('admin'))).resolves.toBeDefined();
  });

  it('an unknown username answers like a real one, including the lock after 5 failures', async () => {
    const known: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < 6; i++) {
      known.push(await outcome(as('clerk.county', `Wrong-${i}`)));
      unknown.push(await outcome(as('no.such.user', `Wrong-${i}`)));
    }
    expect(unknown).toEqual(known);
    expect(known).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'ACCOUNT_LOCKED']);
    const message = (p: Promise<unknown>) => p.catch((e: Error) => e.message.replace(/\d{2}:\d{2}/, 'HH:MM'));
    expect(await message(as('no.such.user'))).toBe(await message(as('clerk.county')));
  });

  it('an unknown username does the same store work as a wrong password', async () => {
    const calls: string[] = [];
    const spied = new Proxy(w.directory, {
      get: (target, name, receiver) => {
        const v = Reflect.get(target, name, receiver) as unknown;
        return typeof v === 'function' ? (...args: unknown[]) => (calls.push(String(name)), (v as (...a: unknown[]) => unknown).apply(target, args)) : v;
      },
    }) as DirectoryStore;
    const ports = { ...w.ports, directory: spied };
    await outcome(login(ports, { username: 'clerk.county', password: 'Wrong-1' }, META));
    const knownCalls = calls.splice(0);
    await outcome(login(ports, { username: 'no.such.user', password: 'Wrong-1' }, META));
    expect(calls).toEqual(knownCalls);
  });

  it('the address window is a true 15 minutes: failures at 09:09 and 09:11 (Beijing) count together', async () => {
    const other = { ...META, sourceIp: '10.9.9.9' };
    const accounts = ['clerk.county', 'clerk.zhugan', 'agent.demo', 'clerk.lingshan'];
    w.advance(9 * 60_000);
    for (let i = 0; i < 10; i++) await outcome(as(accounts[i % 4]!, `Wrong-${i}`, undefined, other));
    w.advance(2 * 60_000);
    for (let i = 10; i < ADDRESS_FAILURE_LIMIT; i++) await outcome(as(`nobody${i}`, `Wrong-${i}`, undefined, other));
    expect(await outcome(as('head.lingshan', PASSWORD, w.code('head.lingshan'), other))).toBe('TOO_MANY_ATTEMPTS');
    w.advance(START.getTime() + 15 * 60_000 - w.clock().getTime()); // 09:15: a new window
    expect(await outcome(as('head.lingshan', PASSWORD, w.code('head.lingshan'), other))).toBe('ok');
  });

  it('the address counter is taken before checking: 25 guesses at once, 20 are checked', async () => {
    const other = { ...META, sourceIp: '10.7.7.7' };
    const answers = await Promise.all(Array.from({ length: 25 }, (_x, i) => outcome(as(`nobody${i}`, 'x', undefined, other))));
    expect(count(answers, 'INVALID_CREDENTIALS')).toBe(ADDRESS_FAILURE_LIMIT);
    expect(count(answers, 'TOO_MANY_ATTEMPTS')).toBe(5);
  });

  it('a success clears only its own generation of attempts', async () => {
    for (let i = 0; i < 5; i++) await outcome(as('clerk.zhugan', `Wrong-${i}`));
    w.advance(15 * 60_000 + 1); // the lock has run out: a new generation starts
    const stale = (await w.directory.userByUsername('clerk.zhugan'))!;
    for (let i = 0; i < 5; i++) await outcome(as('clerk.zhugan', `Wrong-${i}`));
    await w.directory.clearAttempts({ userId: stale.id }, stale.attemptGen ?? 0);
    expect(await outcome(as('clerk.zhugan'))).toBe('ACCOUNT_LOCKED');
  });
});

describe('password change and sessions (memory directory)', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  const session = async (username: string, totp = false) => {
    const r = await login(w.ports, { username, password: PASSWORD, ...(totp ? { totp: w.code(username) } : {}) }, META);
    return { token: r.token, principal: await authorizeToken(w.ports, r.token) };
  };

  it('a wrong current password counts like a failed login: the sixth try is locked, and so is login', async () => {
    const s = await session('clerk.lingshan');
    for (let i = 0; i < 5; i++)
      expect(await outcome(changePassword(w.ports, s.principal, { currentPassword: `Wrong-${i}`, newPassword: 'Lingshan#2026x' }, META))).toBe('VALIDATION');
    expect(await outcome(changePassword(w.ports, s.principal, { currentPassword: PASSWORD, newPassword: 'Lingshan#2026x' }, META))).toBe('ACCOUNT_LOCKED');
    expect(await outcome(login(w.ports, { username: 'clerk.lingshan', password: PASSWORD }, META))).toBe('ACCOUNT_LOCKED');
  });

  it('a password change ends every other session of the user, and keeps the one that made it', async () => {
    const a = await session('clerk.lingshan');
    const b = await session('clerk.lingshan');
    w.advance(1000);
    await changePassword(w.ports, a.principal, { currentPassword: PASSWORD, newPassword: 'Lingshan#2026x' }, META);
    await expect(authorizeToken(w.ports, a.token)).resolves.toBeDefined();
    await expect(authorizeToken(w.ports, b.token)).rejects.toThrow(/登录已失效/);
  });

  it('disable, role change and resets end sessions without reading the (eventually consistent) sessions index', async () => {
    // the index has not caught up: it lists no sessions
    const ports = { ...w.ports, directory: { ...w.directory, sessionsOf: async () => [] } };
    const admin = w.principal('admin');
    const cases: Array<[string, () => Promise<unknown>]> = [
      [
        'clerk.lingshan',
        async () => (await import('../../../shared/identity/staff.ts')).updateUser(ports, admin, { id: w.user('clerk.lingshan').id, disabled: true }, META),
      ],
      [
        'clerk.county',
        async () =>
          (await import('../../../shared/identity/staff.ts')).updateUser(ports, admin, { id: w.user('clerk.county').id, roles: ['village_agent'] }, META),
      ],
      ['clerk.zhugan', async () => (await import('../../../shared/identity/staff.ts')).resetPassword(ports, admin, { id: w.user('clerk.zhugan').id }, META)],
      ['head.lingshan', async () => (await import('../../../shared/identity/staff.ts')).resetTotp(ports, admin, { id: w.user('head.lingshan').id }, META)],
    ];
    for (const [username, change] of cases) {
      const s = await session(username, username.startsWith('head'));
      w.advance(1000);
      await change();
      await expect(authorizeToken(w.ports, s.token), username).rejects.toThrow(/登录已失效/);
    }
  }, 30_000);

  it('the authorizer refuses a disabled user even if a session of theirs was never revoked', async () => {
    const s = await session('agent.demo');
    w.directory.users.get(w.user('agent.demo').id)!.disabled = true;
    await expect(authorizeToken(w.ports, s.token)).rejects.toThrow(/登录已失效/);
  });
});
