import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startTestStack, DEMO_PASSWORD, type TestStack } from '../../support/local-stack.ts';
import { dynamo } from '../../../shared/aws/clients.ts';
import { auditKeys } from '../../../shared/db/keys.ts';

const auditOf = async (stack: TestStack, actorId: string) => {
  const k = auditKeys.byActor(actorId, '');
  const r = await dynamo().send(
    new QueryCommand({
      TableName: stack.env.TABLE_AUDIT,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': k.gsi1pk },
    }),
  );
  return r.Items ?? [];
};

/** POST from a given loopback address (127.0.0.x), so per-address limits of one test stay its own. */
const postFrom = (stack: TestStack, from: string, path: string, json: unknown): Promise<{ status: number; body: any }> =>
  new Promise((resolve, reject) => {
    const data = JSON.stringify(json);
    const req = request(
      {
        host: '127.0.0.1',
        port: new URL(stack.url).port,
        path,
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });

describe('login, TOTP, lockout, logout', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
  });
  afterAll(() => stack.stop());

  const post = (path: string, json: unknown, token?: string) => stack.fetch(path, { method: 'POST', json, ...(token ? { token } : {}) });

  it('a clerk logs in with password only and sees their office and scopes', async () => {
    const res = await post('/api/auth/login', { username: 'clerk.lingshan', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.user).toMatchObject({ username: 'clerk.lingshan', officeName: '灵山镇', roles: ['window_clerk'] });
    expect(body.user.scopes).toContain('case.accept');
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|totpSecret/);
    const me = await stack.fetch('/api/auth/me', { token: body.token });
    expect(me.status).toBe(200);
    expect(((await me.json()) as any).user.username).toBe('clerk.lingshan');
    const audit = await auditOf(stack, body.user.id);
    expect(audit.some((a) => a.action === 'auth.login' && a.result === 'success')).toBe(true);
  });

  it('an admin login without TOTP asks for it; with the right code it succeeds', async () => {
    const res = await post('/api/auth/login', { username: 'admin', password: DEMO_PASSWORD });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error.code).toBe('TOTP_REQUIRED');
    const wrong = await post('/api/auth/login', { username: 'admin', password: DEMO_PASSWORD, totp: '000000' });
    expect(wrong.status).toBe(401);
    const { URI } = await import('otpauth');
    const code = (URI.parse(stack.seed!.logins.find((l) => l.username === 'admin')!.totpUri!) as { generate(): string }).generate();
    const ok = await post('/api/auth/login', { username: 'admin', password: DEMO_PASSWORD, totp: code });
    expect(ok.status).toBe(200);
    expect((await stack.fetch('/api/auth/me', { token: ((await ok.json()) as any).token })).status).toBe(200);
    // the same code a second time: refused (no replay within its 30 s window)
    const replay = await post('/api/auth/login', { username: 'admin', password: DEMO_PASSWORD, totp: code });
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as any).error.message).toContain('已使用过');
  });

  it('the sixth wrong password answers 423 with a Chinese message saying until when', async () => {
    for (let i = 1; i <= 5; i++) {
      const r = await post('/api/auth/login', { username: 'agent.demo', password: `Wrong-pass-${i}` });
      expect(r.status, `attempt ${i}`).toBe(401);
    }
    const sixth = await post('/api/auth/login', { username: 'agent.demo', password: DEMO_PASSWORD });
    expect(sixth.status).toBe(423);
    const body = (await sixth.json()) as any;
    expect(body.error.code).toBe('ACCOUNT_LOCKED');
    expect(body.error.message).toMatch(/锁定至 \d{2}:\d{2}/);
    expect(new Date(body.error.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
  });

  it('unknown users and wrong passwords get the same answer', async () => {
    const a = await post('/api/auth/login', { username: 'nobody', password: 'x' });
    const b = await post('/api/auth/login', { username: 'clerk.county', password: 'x' });
    expect(a.status).toBe(401);
    expect(await a.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } });
    expect(((await b.json()) as any).error.message).toBe('用户名或密码错误');
  });

  it('logout revokes the session', async () => {
    const token = await stack.login('clerk.county');
    expect((await post('/api/auth/logout', {}, token)).status).toBe(200);
    expect((await stack.fetch('/api/auth/me', { token })).status).toBe(401);
  });

  it('a bad login body answers 400 naming the field', async () => {
    const r = await post('/api/auth/login', { username: '', password: 'x' });
    expect(r.status).toBe(400);
    expect(((await r.json()) as any).error.fields[0]).toEqual({ path: 'username', message: '请填写用户名' });
  });

  it('no token, a forged token: 401', async () => {
    expect((await stack.fetch('/api/auth/me')).status).toBe(401);
    expect((await stack.fetch('/api/auth/me', { token: 'eyJhbGciOiJFUzI1NiJ9.e30.AAAA' })).status).toBe(401);
  });

  describe('attempts are taken before they are checked (等保 review)', () => {
    let admin: string;
    const newUser = async (username: string) => {
      const r = await stack.fetch('/api/users', {
        method: 'POST',
        token: admin,
        json: { username, displayName: username, officeId: '411521-zhugan', roles: ['window_clerk'] },
      });
      expect(r.status).toBe(201);
      return ((await r.json()) as any).temporaryPassword as string;
    };
    beforeAll(async () => {
      admin = await stack.login('admin');
    });

    it('20 parallel wrong passwords followed by the right one: locked (423), the right password does not get in', async () => {
      const password = await newUser('clerk.burst');
      const burst = Array.from({ length: 20 }, (_x, i) =>
        postFrom(stack, '127.0.0.2', '/api/auth/login', { username: 'clerk.burst', password: `Wrong-pass-${i}` }),
      );
      await Promise.race(burst);
      const right = await postFrom(stack, '127.0.0.2', '/api/auth/login', { username: 'clerk.burst', password });
      const answers = (await Promise.all(burst)).map((r) => r.status);
      expect(right.status).toBe(423);
      expect(right.body.error.code).toBe('ACCOUNT_LOCKED');
      expect(answers.filter((s) => s === 401)).toHaveLength(5);
      expect(answers.filter((s) => s === 423)).toHaveLength(15);
      expect((await postFrom(stack, '127.0.0.2', '/api/auth/login', { username: 'clerk.burst', password })).status).toBe(423);
    });

    it('an unknown username is locked after 5 failures like a real one', async () => {
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push(await postFrom(stack, '127.0.0.3', '/api/auth/login', { username: 'no.such.user', password: `Wrong-${i}` }));
      expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 423]);
      expect(answers[5]!.body.error).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringMatching(/锁定至 \d{2}:\d{2}（北京时间）/) });
    });

    it('one address: 25 parallel guesses, at most 20 are checked (429 for the rest)', async () => {
      const answers = await Promise.all(
        Array.from({ length: 25 }, (_x, i) => postFrom(stack, '127.0.0.4', '/api/auth/login', { username: `spray${i}`, password: 'Wrong-pass' })),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    });

    it('a password change ends every other session of the user and keeps its own', async () => {
      const temporary = await newUser('clerk.twice');
      const signIn = async () => (await postFrom(stack, '127.0.0.5', '/api/auth/login', { username: 'clerk.twice', password: temporary })).body.token as string;
      const [a, b] = [await signIn(), await signIn()];
      expect((await stack.fetch('/api/auth/me', { token: b })).status).toBe(200);
      const changed = await stack.fetch('/api/auth/password', { method: 'POST', token: a, json: { currentPassword: temporary, newPassword: 'Twice#2026xx' } });
      expect(changed.status).toBe(200);
      expect((await stack.fetch('/api/auth/me', { token: a })).status).toBe(200);
      expect((await stack.fetch('/api/auth/me', { token: b })).status).toBe(401);
    });
  });
});
