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
    const res = await call(admin, 'POST', '/api/users', { username: 'clerk.zhoudang', displayName: '周党窗口', officeId: '411521-zhoudang', roles: ['window_clerk'] });
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
    const changed = await call(login.token, 'POST', '/api/auth/password', { currentPassword: temporaryPassword, newPassword: 'Zhoudang#2026x' });
    expect(changed.status).toBe(200);
    expect((await json(changed)).user.scopes).toContain('case.accept');
  });

  it('a center head manages their own office only, and only front-line roles', async () => {
    const own = await call(head, 'POST', '/api/users', { username: 'clerk.ls2', displayName: '灵山二号', officeId: '411521-lingshan', roles: ['window_clerk'] });
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
    expect((await call(supervisor, 'POST', '/api/users', { username: 'x.y', displayName: 'x', officeId: '411521-center', roles: ['window_clerk'] })).status).toBe(403);
    const clerk = await stack.login('clerk.lingshan');
    expect((await call(clerk, 'GET', '/api/audit')).status).toBe(403);
  });
});
