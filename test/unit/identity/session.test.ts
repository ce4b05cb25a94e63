import { beforeEach, describe, expect, it } from 'vitest';
import { authorizeToken } from '../../../shared/identity/authorize.ts';
import { login } from '../../../shared/identity/login.ts';
import { logout } from '../../../shared/identity/account.ts';
import { META, PASSWORD, world, type World } from './fixtures.ts';

/** Sessions end after 30 minutes idle, 12 hours absolute and at logout, whatever the token says. */
describe('session expiry and logout (fake clock)', () => {
  let w: World;
  let token = '';
  let sid = '';
  beforeEach(async () => {
    w = await world();
    token = (await login(w.ports, { username: 'clerk.lingshan', password: PASSWORD }, META)).token;
    sid = (await w.signer.verify(token, w.clock())).sid;
  });
  const at = (iso: string) => w.advance(new Date(iso).getTime() - w.clock().getTime());

  it('accepts activity within 30 minutes and slides the idle window', async () => {
    at('2026-11-22T01:29:00Z');
    await expect(authorizeToken(w.ports, token)).resolves.toMatchObject({
      userId: w.user('clerk.lingshan').id,
      scopes: expect.arrayContaining(['case.accept']),
    });
    expect(w.directory.sessions.get(sid)!.lastSeenAt).toBe('2026-11-22T01:29:00.000Z');
    at('2026-11-22T01:58:00Z');
    await expect(authorizeToken(w.ports, token)).resolves.toBeDefined();
  });

  it('refuses a session idle for more than 30 minutes', async () => {
    at('2026-11-22T01:30:01Z');
    await expect(authorizeToken(w.ports, token)).rejects.toThrow(/30 分钟未操作/);
  });

  it('refuses after 12 hours even when active, and even with a token that says later', async () => {
    // a token valid for 100 days: the session's own end must still apply
    token = await w.signer.sign({ sub: w.user('clerk.lingshan').id, sid, exp: Math.floor(w.clock().getTime() / 1000) + 100 * 86_400 });
    // busy all day: a request every 25 minutes
    for (let t = 25; t < 12 * 60; t += 25) {
      w.advance(25 * 60_000);
      await authorizeToken(w.ports, token);
    }
    at('2026-11-22T12:59:00Z');
    await expect(authorizeToken(w.ports, token)).resolves.toBeDefined();
    at('2026-11-22T13:00:00Z');
    await expect(authorizeToken(w.ports, token)).rejects.toThrow(/12 小时/);
  });

  it('logout revokes the session, with its audit event in the same commit', async () => {
    const p = await authorizeToken(w.ports, token);
    await logout(w.ports, p, META);
    await expect(authorizeToken(w.ports, token)).rejects.toThrow(/已退出/);
    expect(w.directory.audits.map((a) => a.action)).toEqual(['auth.login', 'auth.logout']);
  });

  it('refuses a token for another user, and a forged one', async () => {
    const other = await w.signer.sign({ sub: 'u2', sid, exp: Math.floor(w.clock().getTime() / 1000) + 60 });
    await expect(authorizeToken(w.ports, other)).rejects.toThrow(/会话不存在/);
    await expect(authorizeToken(w.ports, `${token.slice(0, -4)}AAAA`)).rejects.toThrow(/令牌无效/);
  });
});
