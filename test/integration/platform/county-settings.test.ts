import { describe, expect, it } from 'vitest';
import { startTestStack } from '../../support/local-stack.ts';
import { loadCountyConfig, parseCountyConfig } from '../../../infra/config/county-config.ts';

/**
 * A county setting tried locally behaves as deployed: the local stack derives the functions'
 * environment from the county config with the stack's own function (infra/config/function-env.ts).
 * `totpForAll` makes every account, a window clerk's too, enrol a second factor.
 */
const json = (r: Response) => r.json() as Promise<any>;

/** A new window clerk's first login (temporary password), as the county admin creates one. */
const newClerkFirstLogin = async (county: ReturnType<typeof loadCountyConfig>) => {
  const stack = await startTestStack({ seed: true, county });
  try {
    const admin = await stack.login('admin');
    const created = await stack.fetch('/api/users', {
      method: 'POST',
      token: admin,
      json: { username: 'clerk.zhoudang', displayName: '周党窗口', officeId: '411521-zhoudang', roles: ['window_clerk'] },
    });
    expect(created.status).toBe(201);
    const { temporaryPassword } = await json(created);
    const first = await stack.fetch('/api/auth/login', { method: 'POST', json: { username: 'clerk.zhoudang', password: temporaryPassword } });
    expect(first.status).toBe(200);
    // the seeded demo clerk: asked for a code only when the county wants TOTP for everyone
    const demoClerk = await stack.fetch('/api/auth/login', { method: 'POST', json: { username: 'clerk.lingshan', password: 'Bianmin@2026' } });
    return { user: (await json(first)).user, demoClerk: { status: demoClerk.status, body: await json(demoClerk) } };
  } finally {
    await stack.stop();
  }
};

describe('county config totpForAll, on the local stack', () => {
  it('true: a window clerk must enrol TOTP at first login, and a seeded clerk must give a code', async () => {
    const county = parseCountyConfig({ ...loadCountyConfig('411521'), totpForAll: true });
    const { user, demoClerk } = await newClerkFirstLogin(county);
    expect(user).toMatchObject({ roles: ['window_clerk'], totpEnrolmentRequired: true, scopes: ['session'] });
    expect(demoClerk.status).toBe(401);
    expect(demoClerk.body.error.code).toBe('TOTP_REQUIRED');
  });

  it('false (the demo county 411521): a window clerk signs in with the password alone', async () => {
    const county = loadCountyConfig('411521');
    expect(county.totpForAll).toBe(false);
    const { user, demoClerk } = await newClerkFirstLogin(county);
    expect(user).toMatchObject({ roles: ['window_clerk'], totpEnrolmentRequired: false });
    expect(demoClerk.status).toBe(200);
    expect(demoClerk.body.user.totpEnrolmentRequired).toBe(false);
  });
});
