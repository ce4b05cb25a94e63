import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';

describe('staff management and audit', () => {
  let stack: TestStack;
  let admin: string;
  let head: string;
  const json = (r: Response) => r.json() as Promise<any>;
  beforeAll(async () => {
    stack = await startTestStack({ seed: true });
    admin = await stack.login('admin');
    head = await stack.login('head.lingshan');
  });
  afterAll(() => stack.stop());

  const call = (token: string, method: string, path: string, body?: unknown) =>
    stack.fetch(path, { method, token, ...(body !== undefined ? { json: body } : {}) });

  it('the admin creates a user who must change the temporary password before doing anything', async () => {
    const res = await call(admin, 'POST', '/api/users', {
      username: 'clerk.zhoudang',
      displayName: '周党窗口',
      officeId: '411521-zhoudang',
      roles: ['window_clerk'],
    });
    expect(res.status).toBe(201);
    const { user, temporaryPassword } = await json(res);
    expect(user).toMatchObject({ username: 'clerk.zhoudang', mustChangePassword: true });
    const login = await json(await stack.fetch('/api/auth/login', { method: 'POST', json: { username: 'clerk.zhoudang', password: temporaryPassword } }));
    expect(login.user).toMatchObject({ mustChangePassword: true, scopes: ['session'] });
    expect((await call(login.token, 'GET', '/api/calendar/years/2026')).status).toBe(200); // session scope
    expect((await call(login.token, 'GET', '/api/users?officeId=411521-zhoudang')).status).toBe(403);
    const weak = await call(login.token, 'POST', '/api/auth/password', { currentPassword: temporaryPassword, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect((await json(weak)).error.fields[0].path).toBe('newPassword');
    // the username inside it, a common password: refused on the field
    for (const [newPassword, message] of [
      ['Clerk.Zhoudang#1', '密码不能包含用户名'],
      ['Password12', '该密码过于常见，容易被猜到，请另选一个'],
    ]) {
      const refused = await call(login.token, 'POST', '/api/auth/password', { currentPassword: temporaryPassword, newPassword });
      expect(refused.status, newPassword).toBe(400);
      expect((await json(refused)).error.fields, newPassword).toEqual([{ path: 'newPassword', message }]);
    }
    const changed = await call(login.token, 'POST', '/api/auth/password', { currentPassword: temporaryPassword, newPassword: 'Zhoudang#2026x' });
    expect(changed.status).toBe(200);
    expect((await json(changed)).user.scopes).toContain('case.accept');
    // the previous password (kept as a hash in DynamoDB) cannot come straight back
    const back = await call(login.token, 'POST', '/api/auth/password', { currentPassword: 'Zhoudang#2026x', newPassword: temporaryPassword });
    expect(back.status).toBe(422);
    expect((await json(back)).error.fields[0].path).toBe('newPassword');
  });

  it('a center head manages their own office only, and only front-line roles', async () => {
    const own = await call(head, 'POST', '/api/users', {
      username: 'clerk.ls2',
      displayName: '灵山二号',
      officeId: '411521-lingshan',
      roles: ['window_clerk'],
    });
    expect(own.status).toBe(201);
    const other = await call(head, 'POST', '/api/users', { username: 'clerk.zg', displayName: '竹竿窗口', officeId: '411521-zhugan', roles: ['window_clerk'] });
    expect(other.status).toBe(403);
    const escalate = await call(head, 'POST', '/api/users', { username: 'admin2', displayName: '越权', officeId: '411521-lingshan', roles: ['county_admin'] });
    expect(escalate.status).toBe(403);
    expect((await call(head, 'GET', '/api/users?officeId=411521-zhugan')).status).toBe(403);
    const list = await json(await call(head, 'GET', '/api/users?officeId=411521-lingshan'));
    expect(list.users.map((u: any) => u.username)).toEqual(expect.arrayContaining(['clerk.lingshan', 'head.lingshan', 'clerk.ls2']));
    expect(JSON.stringify(list)).not.toMatch(/passwordHash|totpSecret/);
  });

  describe('a center head reaches front-line staff of their office only (target checked, not just actor)', () => {
    let countyHead: { token: string; id: string };
    const ids = new Map<string, string>();
    const post = (token: string, path: string) => call(token, 'POST', path, {});

    /** A user created by the admin who changed the temporary password and enrolled TOTP: full scopes. */
    const provision = async (username: string, officeId: string, roles: string[]) => {
      const created = await json(await call(admin, 'POST', '/api/users', { username, displayName: username, officeId, roles }));
      const first = await json(await stack.fetch('/api/auth/login', { method: 'POST', json: { username, password: created.temporaryPassword } }));
      expect(
        (await call(first.token, 'POST', '/api/auth/password', { currentPassword: created.temporaryPassword, newPassword: 'Head#County2026' })).status,
      ).toBe(200);
      const { otpauthUri } = await json(await post(first.token, '/api/auth/totp/enrol'));
      const { URI } = await import('otpauth');
      const code = (URI.parse(otpauthUri) as { generate(): string }).generate();
      expect((await call(first.token, 'POST', '/api/auth/totp/confirm', { code })).status).toBe(200);
      return { token: first.token as string, id: created.user.id as string };
    };

    beforeAll(async () => {
      // the demo seed has no head of the county center: the one whose office is every township's parent
      countyHead = await provision('head.county', '411521-center', ['center_head']);
      for (const officeId of ['411521-center', '411521-lingshan'])
        for (const u of (await json(await call(admin, 'GET', `/api/users?officeId=${officeId}`))).users) ids.set(u.username, u.id);
    });

    it('the county center head cannot reset, disable or demote the admin or a supervisor', async () => {
      for (const target of ['admin', 'supervisor']) {
        const id = ids.get(target)!;
        expect((await post(countyHead.token, `/api/users/${id}/reset-password`)).status, `reset-password ${target}`).toBe(403);
        expect((await post(countyHead.token, `/api/users/${id}/reset-totp`)).status, `reset-totp ${target}`).toBe(403);
        expect((await call(countyHead.token, 'PATCH', `/api/users/${id}`, { disabled: true })).status, `disable ${target}`).toBe(403);
        expect((await call(countyHead.token, 'PATCH', `/api/users/${id}`, { roles: ['window_clerk'] })).status, `demote ${target}`).toBe(403);
      }
      const refused = await json(await post(countyHead.token, `/api/users/${ids.get('admin')}/reset-password`));
      expect(refused.error.message).toMatch(/[\u4e00-\u9fff]/);
      // the admin can still sign in with the demo password and TOTP: nothing was changed
      expect(await stack.login('admin')).toBeTruthy();
    });

    it("the county center head does not reach a township's staff", async () => {
      for (const target of ['head.lingshan', 'clerk.lingshan']) {
        expect((await post(countyHead.token, `/api/users/${ids.get(target)}/reset-password`)).status, target).toBe(403);
        expect((await call(countyHead.token, 'PATCH', `/api/users/${ids.get(target)}`, { disabled: true })).status, target).toBe(403);
      }
      expect((await call(countyHead.token, 'GET', '/api/users?officeId=411521-lingshan')).status).toBe(403);
    });

    it('head.lingshan cannot touch the admin, a supervisor or another head', async () => {
      for (const target of ['admin', 'supervisor', 'head.county']) {
        const id = target === 'head.county' ? countyHead.id : ids.get(target)!;
        expect((await post(head, `/api/users/${id}/reset-password`)).status, target).toBe(403);
        expect((await post(head, `/api/users/${id}/reset-totp`)).status, target).toBe(403);
        expect((await call(head, 'PATCH', `/api/users/${id}`, { roles: ['window_clerk'] })).status, target).toBe(403);
      }
    });

    it('nobody resets, disables or demotes themselves, the admin included', async () => {
      for (const [token, id] of [
        [countyHead.token, countyHead.id],
        [head, ids.get('head.lingshan')!],
        [admin, ids.get('admin')!],
      ] as const) {
        const pw = await post(token, `/api/users/${id}/reset-password`);
        expect(pw.status).toBe(403);
        expect((await json(pw)).error.message).toContain('不能重置自己的密码');
        expect((await post(token, `/api/users/${id}/reset-totp`)).status).toBe(403);
        expect([400, 403]).toContain((await call(token, 'PATCH', `/api/users/${id}`, { disabled: true })).status);
        expect([400, 403]).toContain((await call(token, 'PATCH', `/api/users/${id}`, { roles: ['window_clerk'] })).status);
      }
      // still signed in and unchanged
      expect((await call(admin, 'GET', '/api/auth/me')).status).toBe(200);
    });

    it('both heads still manage a clerk of their own office', async () => {
      for (const [token, officeId, username] of [
        [countyHead.token, '411521-center', 'clerk.center2'],
        [head, '411521-lingshan', 'clerk.ls3'],
        [head, '411521-lingshan-demo1', 'agent.ls3'],
      ] as const) {
        const created = await call(token, 'POST', '/api/users', {
          username,
          displayName: username,
          officeId,
          roles: [username.startsWith('agent') ? 'village_agent' : 'window_clerk'],
        });
        expect(created.status, username).toBe(201);
        const { user } = await json(created);
        const reset = await post(token, `/api/users/${user.id}/reset-password`);
        expect(reset.status, username).toBe(200);
        expect((await json(reset)).temporaryPassword).toBeTruthy();
        const totpReset = await post(token, `/api/users/${user.id}/reset-totp`);
        expect(totpReset.status, username).toBe(200);
        // a TOTP reset comes with a new one-time password (the old password enrols nobody)
        expect((await json(totpReset)).temporaryPassword, username).toBeTruthy();
        expect((await call(token, 'PATCH', `/api/users/${user.id}`, { displayName: '改名', disabled: true })).status, username).toBe(200);
      }
    });
  });

  it('disabling a user ends their sessions; duplicate usernames are refused', async () => {
    const token = await stack.login('clerk.county');
    const users = await json(await call(admin, 'GET', '/api/users?officeId=411521-center'));
    const target = users.users.find((u: any) => u.username === 'clerk.county');
    expect((await call(admin, 'PATCH', `/api/users/${target.id}`, { disabled: true })).status).toBe(200);
    expect((await call(token, 'GET', '/api/auth/me')).status).toBe(401);
    const dup = await call(admin, 'POST', '/api/users', { username: 'clerk.county', displayName: 'x', officeId: '411521-center', roles: ['window_clerk'] });
    expect(dup.status).toBe(409);
    expect((await json(dup)).error.message).toContain('已被使用');
  });

  it('every mutation above left an audit event, browsable and exportable to Excel', async () => {
    const supervisor = await stack.login('supervisor');
    const res = await call(supervisor, 'GET', '/api/audit?action=user.');
    expect(res.status).toBe(200);
    const { events } = await json(res);
    const actions = events.map((e: any) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.create', 'user.update']));
    expect(events.every((e: any) => e.sourceIp && e.at && e.result)).toBe(true);
    const pw = await json(await call(supervisor, 'GET', '/api/audit?action=auth.password'));
    expect(pw.events.length).toBeGreaterThan(0);
    const failures = await json(await call(supervisor, 'GET', '/api/audit?action=auth.login&result=failure'));
    expect(failures.events.every((e: any) => e.result === 'failure')).toBe(true);

    const xlsx = await call(supervisor, 'GET', '/api/audit/export?action=user.');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const ws = wb.getWorksheet('审计记录')!;
    expect(ws.getRow(1).getCell(1).value).toBe('时间（北京时间）');
    expect(ws.rowCount - 1).toBe(events.length);
    const exported = await json(await call(supervisor, 'GET', '/api/audit?action=audit.export'));
    expect(exported.events).toHaveLength(1);
  });

  it('a supervisor changes nothing; a clerk reads no audit', async () => {
    const supervisor = await stack.login('supervisor');
    expect(
      (await call(supervisor, 'POST', '/api/users', { username: 'x.y', displayName: 'x', officeId: '411521-center', roles: ['window_clerk'] })).status,
    ).toBe(403);
    const clerk = await stack.login('clerk.lingshan');
    expect((await call(clerk, 'GET', '/api/audit')).status).toBe(403);
  });
});
