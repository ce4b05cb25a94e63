import { beforeEach, describe, expect, it } from 'vitest';
import { changePassword } from '../../../shared/identity/account.ts';
import { login } from '../../../shared/identity/login.ts';
import { authorizeToken } from '../../../shared/identity/authorize.ts';
import { containsUsername, isCommonPassword, newPasswordIssues, nextHistory, PASSWORD_HISTORY } from '../../../shared/identity/password-rules.ts';
import { verifyPassword } from '../../../shared/identity/password.ts';
import { DomainError } from '../../../shared/errors/domain-errors.ts';
import { META, PASSWORD, cheapHash, world, type World } from './fixtures.ts';

describe('a new password: not the username, not a common one', () => {
  it('refuses the username inside it, in any case, without its dot or reversed', () => {
    for (const pw of ['Clerk.Lingshan#26', 'xCLERKLINGSHAN#2026', 'nahsgnil.krelc#A1']) expect(containsUsername(pw, 'clerk.lingshan'), pw).toBe(true);
    expect(containsUsername('Lingshan#2026x', 'clerk.lingshan')).toBe(false);
    expect(newPasswordIssues('Clerk.Lingshan#26', 'clerk.lingshan')).toEqual([{ path: 'newPassword', message: '密码不能包含用户名' }]);
  });

  it('refuses Password12 and its kin: digits and symbols around a common word, look-alike characters', () => {
    for (const pw of ['Password12', 'Password123!', 'P@ssw0rd2026', '2026#Qwerty!', 'Woaini1314!', 'Dragon@12345', 'Iloveyou#520'])
      expect(newPasswordIssues(pw, 'clerk.lingshan'), pw).toEqual([{ path: 'newPassword', message: '该密码过于常见，容易被猜到，请另选一个' }]);
    for (const pw of ['Zhoudang#2026x', 'Lingshan#2026x', 'Head#County2026', 'Luoshan#Admin2026'])
      expect(newPasswordIssues(pw, 'clerk.lingshan'), pw).toEqual([]);
    expect(isCommonPassword('Tq7#vX2m9LpQ')).toBe(false);
  });

  it('keeps the replaced password first and looks back no further than the rule', () => {
    expect(nextHistory('h0', ['h1', 'h2', 'h3', 'h4'])).toEqual(['h0', 'h1', 'h2', 'h3']);
    expect(PASSWORD_HISTORY - 1).toBe(4); // with the current one: the last 5
  });
});

describe('a new password is none of the last 5 (memory directory)', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  const refusal = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => undefined,
      (err: unknown) => err,
    );
    if (!(e instanceof DomainError)) throw new Error(`expected a domain error, got ${String(e)}`);
    return { code: e.code, fields: 'fields' in e ? e.fields : undefined };
  };

  it('refuses the previous password and any of the four before it; the sixth back is free again', async () => {
    const earlier = ['Earlier#One2026', 'Earlier#Two2026', 'Earlier#Three2026', 'Earlier#Four2026'];
    const stored = w.directory.users.get(w.user('clerk.zhugan').id)!;
    stored.passwordHistory = earlier.map(cheapHash);
    const r = await login(w.ports, { username: 'clerk.zhugan', password: PASSWORD }, META);
    const p = await authorizeToken(w.ports, r.token);
    for (const old of earlier)
      expect(await refusal(changePassword(w.ports, p, { currentPassword: PASSWORD, newPassword: old }, META)), old).toMatchObject({
        code: 'PASSWORD_REUSED',
        fields: [{ path: 'newPassword', message: '新密码不能与最近 5 次用过的密码相同' }],
      });
    await changePassword(w.ports, p, { currentPassword: PASSWORD, newPassword: 'Zhugan#Fresh2026' }, META);
    const after = w.directory.users.get(w.user('clerk.zhugan').id)!;
    expect(after.passwordHistory).toHaveLength(4);
    expect(await verifyPassword(after.passwordHistory![0]!, PASSWORD)).toBe(true);
    // the previous password cannot come straight back; the oldest one fell out of the window
    expect(await refusal(changePassword(w.ports, p, { currentPassword: 'Zhugan#Fresh2026', newPassword: PASSWORD }, META))).toMatchObject({
      code: 'PASSWORD_REUSED',
    });
    await expect(changePassword(w.ports, p, { currentPassword: 'Zhugan#Fresh2026', newPassword: 'Earlier#Four2026' }, META)).resolves.toBeDefined();
  }, 60_000);
});
