import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorizeToken } from '../../../shared/identity/authorize.ts';
import { tokenSigner } from '../../../shared/identity/tokens.ts';
import type { Session } from '../../../shared/identity/types.ts';

/** Sessions end after 30 minutes idle and 12 hours absolute, whatever the token says. */
describe('session expiry (fake clock)', () => {
  const sessions = new Map<string, Session>();
  const directory = {
    session: async (id: string) => sessions.get(id),
    updateSession: async (id: string, set: Partial<Session>) => void sessions.set(id, { ...sessions.get(id)!, ...set }),
  };
  let now = new Date('2026-11-22T01:00:00Z');
  const clock = () => now;
  let token = '';

  beforeAll(async () => {
    process.env.JWT_DEV_KEY_FILE = join(mkdtempSync(join(tmpdir(), 'bm-jwt-')), 'key.json');
    const s: Session = {
      id: 's1',
      userId: 'u1',
      username: 'clerk.lingshan',
      displayName: '演示',
      officeId: '411521-lingshan',
      roles: ['window_clerk'],
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      endsAt: new Date(now.getTime() + 12 * 3_600_000).toISOString(),
      revoked: false,
      mustChangePassword: false,
      totpEnrolmentRequired: false,
    };
    sessions.set(s.id, s);
    // the token itself is valid for 100 days: the session rules must still apply
    token = await tokenSigner().sign({ sub: 'u1', sid: 's1', exp: Math.floor(Date.now() / 1000) + 100 * 86_400 });
  });

  it('accepts activity within 30 minutes and slides the idle window', async () => {
    now = new Date('2026-11-22T01:29:00Z');
    await expect(authorizeToken(token, { directory, signer: tokenSigner(), clock })).resolves.toMatchObject({ userId: 'u1', scopes: expect.arrayContaining(['case.accept']) });
    expect(sessions.get('s1')!.lastSeenAt).toBe('2026-11-22T01:29:00.000Z');
    now = new Date('2026-11-22T01:58:00Z');
    await expect(authorizeToken(token, { directory, signer: tokenSigner(), clock })).resolves.toBeDefined();
  });

  it('refuses a session idle for more than 30 minutes', async () => {
    now = new Date('2026-11-22T02:28:01Z');
    await expect(authorizeToken(token, { directory, signer: tokenSigner(), clock })).rejects.toThrow(/30 分钟未操作/);
  });

  it('refuses after 12 hours even when active', async () => {
    sessions.set('s1', { ...sessions.get('s1')!, lastSeenAt: '2026-11-22T12:59:00.000Z' });
    now = new Date('2026-11-22T13:00:00Z');
    await expect(authorizeToken(token, { directory, signer: tokenSigner(), clock })).rejects.toThrow(/12 小时/);
  });

  it('refuses a revoked session and a token for another user', async () => {
    now = new Date('2026-11-22T01:10:00Z');
    sessions.set('s1', { ...sessions.get('s1')!, lastSeenAt: now.toISOString(), revoked: true });
    await expect(authorizeToken(token, { directory, signer: tokenSigner(), clock })).rejects.toThrow(/已退出/);
    const forged = await tokenSigner().sign({ sub: 'u2', sid: 's1', exp: Math.floor(Date.now() / 1000) + 60 });
    await expect(authorizeToken(forged, { directory, signer: tokenSigner(), clock })).rejects.toThrow(/会话不存在/);
  });
});
