import { beforeEach, describe, expect, it } from 'vitest';
import { changePassword, confirmTotp, me, startTotpEnrolment } from '../../../shared/identity/account.ts';
import { login } from '../../../shared/identity/login.ts';
import { authorizeToken } from '../../../shared/identity/authorize.ts';
import { totpCode } from '../../../shared/identity/totp.ts';
import { DomainError } from '../../../shared/errors/domain-errors.ts';
import { META, PASSWORD, world, type World } from './fixtures.ts';

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof DomainError)) throw new Error(`expected a domain error, got ${String(e)}`);
  return { kind: e.kind, code: e.code, message: e.message };
};

/** The signed-in user's own account: first-login password change and TOTP enrolment. */
describe('own account (memory directory, fake clock)', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  const signIn = async (username: string, password = PASSWORD, totp?: string) => {
    const r = await login(w.ports, { username, password, ...(totp ? { totp } : {}) }, META);
    return { ...r, principal: await authorizeToken(w.ports, r.token) };
  };

  it('a first login changes the temporary password, then holds the full scopes', async () => {
    w.directory.users.get(w.user('clerk.zhugan').id)!.mustChangePassword = true;
    const s = await signIn('clerk.zhugan');
    expect(s.principal.scopes).toEqual(['session']);
    expect(await refusal(changePassword(w.ports, s.principal, { currentPassword: 'nope', newPassword: 'Zhugan#2026x' }, META))).toMatchObject({
      kind: 'validation',
      message: '当前密码不正确',
    });
    expect((await refusal(changePassword(w.ports, s.principal, { currentPassword: PASSWORD, newPassword: 'short' }, META))).kind).toBe('validation');
    expect(await refusal(changePassword(w.ports, s.principal, { currentPassword: PASSWORD, newPassword: PASSWORD }, META))).toMatchObject({
      kind: 'rule',
      code: 'PASSWORD_REUSED',
    });
    const view = await changePassword(w.ports, s.principal, { currentPassword: PASSWORD, newPassword: 'Zhugan#2026x' }, META);
    expect(view).toMatchObject({ mustChangePassword: false, scopes: expect.arrayContaining(['case.accept']) });
    expect((await authorizeToken(w.ports, s.token)).scopes).toContain('case.accept');
    expect(w.directory.audits.map((a) => a.action)).toEqual(['auth.login', 'auth.password.change']);
    await expect(signIn('clerk.zhugan', 'Zhugan#2026x')).resolves.toBeDefined();
  }, 30_000);

  it('a head without TOTP enrols: the code from the new secret confirms it, the session opens up', async () => {
    delete w.directory.users.get(w.user('head.county').id)!.totpSecret;
    const s = await signIn('head.county');
    expect(s.principal.scopes).toEqual(['session']);
    const { otpauthUri, qrDataUrl } = await startTotpEnrolment(w.ports, s.principal);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const secret = new URL(otpauthUri).searchParams.get('secret')!;
    expect((await refusal(confirmTotp(w.ports, s.principal, { code: totpCode(secret, w.clock()) === '000000' ? '111111' : '000000' }, META))).kind).toBe(
      'validation',
    );
    const view = await confirmTotp(w.ports, s.principal, { code: totpCode(secret, w.clock()) }, META);
    expect(view).toMatchObject({ totpEnrolmentRequired: false, scopes: expect.arrayContaining(['user.manage:my-office']) });
    expect(w.user('head.county')).toMatchObject({ totpSecret: secret });
    expect(w.user('head.county').pendingTotpSecret).toBeUndefined();
    expect((await refusal(startTotpEnrolment(w.ports, s.principal))).code).toBe('TOTP_ENROLLED');
    expect((await me(w.ports, s.principal)).scopes).toContain('user.manage:my-office');
  });
});
