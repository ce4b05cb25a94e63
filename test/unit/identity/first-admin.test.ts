import { describe, expect, it } from 'vitest';
import { createFirstAdmin, type FirstAdminInput } from '../../../shared/identity/first-admin.ts';
import { memoryFirstAdminStore } from '../../../shared/identity/memory-first-admin.ts';
import { verifyPassword, passwordIssues } from '../../../shared/identity/password.ts';
import type { OfficeRecord, StaffUser } from '../../../shared/identity/types.ts';

const offices: OfficeRecord[] = [
  { id: '411521-center', name: '罗山县政务服务中心', kind: 'county_center', parentId: null },
  { id: '411521-lingshan', name: '灵山镇便民服务中心', kind: 'township', parentId: '411521-center' },
];
const caller = { command: 'admin:create', operator: 'ops@host' };
const meta = { sourceIp: 'command', userAgent: 'npm run admin:create' };
const clock = () => new Date('2026-11-23T02:00:00Z');
const input = (over: Partial<FirstAdminInput> = {}): FirstAdminInput => ({ username: 'root.admin', displayName: '县级管理员', offices, force: false, ...over });

const admin = (over: Partial<StaffUser>): StaffUser => ({
  id: 'u-old',
  username: 'old.admin',
  displayName: '原管理员',
  officeId: '411521-center',
  roles: ['county_admin'],
  passwordHash: 'x',
  mustChangePassword: false,
  disabled: false,
  failedLogins: 0,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});

describe('createFirstAdmin', { timeout: 30_000 }, () => {
  it('writes the offices of the config and a county admin who must change the password and enrol TOTP', async () => {
    const directory = memoryFirstAdminStore();
    const r = await createFirstAdmin({ directory, clock }, caller, input(), meta);
    expect(r.officesWritten).toBe(2);
    expect([...directory.officeMap.keys()].sort()).toEqual(['411521-center', '411521-lingshan']);
    const u = [...directory.users.values()][0]!;
    expect(u).toMatchObject({ username: 'root.admin', officeId: '411521-center', roles: ['county_admin'], mustChangePassword: true, disabled: false });
    expect(u.totpSecret).toBeUndefined();
    expect(passwordIssues(r.temporaryPassword)).toEqual([]);
    expect(await verifyPassword(u.passwordHash, r.temporaryPassword)).toBe(true);
    expect(u.createdAt).toBe('2026-11-23T02:00:00.000Z');
  });

  it('audits the creation as done by the command, with the operator', async () => {
    const directory = memoryFirstAdminStore();
    const r = await createFirstAdmin({ directory, clock }, caller, input(), meta);
    const create = directory.audits.find((a) => a.action === 'user.create')!;
    expect(create.actor).toEqual({ userId: 'command:admin:create', username: 'admin:create', officeId: '411521-center' });
    expect(create.target).toEqual({ type: 'user', id: r.user.id });
    expect(create.detail).toContain('ops@host');
    expect(directory.audits.map((a) => a.action)).toEqual(['office.sync', 'user.create']);
  });

  it('refuses a second first admin unless forced', async () => {
    const directory = memoryFirstAdminStore();
    const first = await createFirstAdmin({ directory, clock }, caller, input(), meta);
    await expect(createFirstAdmin({ directory, clock }, caller, input({ username: 'second.admin' }), meta)).rejects.toMatchObject({
      code: 'ADMIN_EXISTS',
      message: expect.stringContaining('root.admin'),
    });
    expect(directory.users.size).toBe(1);
    const forced = await createFirstAdmin({ directory, clock }, caller, input({ username: 'second.admin', force: true }), meta);
    expect(forced.replaced).toMatchObject({ userId: first.user.id, username: 'root.admin' });
    expect(directory.mark).toMatchObject({ username: 'second.admin' });
    expect(directory.users.size).toBe(2);
    expect(directory.audits.at(-1)!.detail).toContain('--force (replaces root.admin)');
  });

  it('refuses when another run marked its admin between the read and the write', async () => {
    const directory = memoryFirstAdminStore();
    const read = directory.firstAdmin;
    directory.firstAdmin = async () => {
      const seen = await read();
      directory.mark = { userId: 'u-other', username: 'other.admin', createdAt: '2026-11-23T01:59:00Z' };
      return seen;
    };
    await expect(createFirstAdmin({ directory, clock }, caller, input(), meta)).rejects.toMatchObject({ code: 'ADMIN_EXISTS' });
    expect(directory.users.size).toBe(0);
  });

  it('counts only the admin the command made: accounts made otherwise (a local demo admin) do not block it', async () => {
    const directory = memoryFirstAdminStore({ offices, users: [admin({ username: 'admin' })] });
    await expect(createFirstAdmin({ directory, clock }, caller, input(), meta)).resolves.toMatchObject({ user: { username: 'root.admin' } });
  });

  it('refuses a username already taken (any case), even with force', async () => {
    const directory = memoryFirstAdminStore({ offices, users: [admin({ username: 'root.admin', roles: ['window_clerk'] })] });
    await expect(createFirstAdmin({ directory, clock }, caller, input({ force: true }), meta)).rejects.toMatchObject({ code: 'USERNAME_TAKEN' });
  });

  it('refuses a malformed username with the field named', async () => {
    const directory = memoryFirstAdminStore();
    await expect(createFirstAdmin({ directory, clock }, caller, input({ username: 'Root Admin' }), meta)).rejects.toMatchObject({
      kind: 'validation',
      fields: [{ path: 'username' }],
    });
    expect(directory.officeMap.size).toBe(0);
  });

  it('rewrites only offices that differ from the config and keeps offices added in the web', async () => {
    const web: OfficeRecord = { id: '411521-lingshan-newvillage', name: '新村', kind: 'village', parentId: '411521-lingshan' };
    const directory = memoryFirstAdminStore({ offices: [offices[0]!, { ...offices[1]!, name: '旧名称' }, web] });
    const r = await createFirstAdmin({ directory, clock }, caller, input(), meta);
    expect(r.officesWritten).toBe(1);
    expect(directory.officeMap.get('411521-lingshan')!.name).toBe('灵山镇便民服务中心');
    expect(directory.officeMap.get(web.id)).toEqual(web);
  });
});
