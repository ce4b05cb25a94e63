import { beforeEach, describe, expect, it } from 'vitest';
import { createOffice, createUser, listUsers, resetPassword, resetTotp, updateUser } from '../../../shared/identity/staff.ts';
import { login } from '../../../shared/identity/login.ts';
import { authorizeToken } from '../../../shared/identity/authorize.ts';
import { DomainError } from '../../../shared/errors/domain-errors.ts';
import { META, PASSWORD, world, type World } from './fixtures.ts';

/** 人员管理 on the in-memory directory: who may do what to whom, each change with its audit. */
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(e instanceof DomainError)) throw new Error(`expected a domain error, got ${String(e)}`);
  return { kind: e.kind, code: e.code, message: e.message };
};

describe('staff management (memory directory)', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });
  const id = (username: string) => w.user(username).id;

  it('the admin creates a user: temporary password, must change it, audit in the same commit', async () => {
    const r = await createUser(
      w.ports,
      w.principal('admin'),
      { username: 'clerk.new', displayName: '新窗口', officeId: '411521-zhugan', roles: ['window_clerk'] },
      META,
    );
    expect(r.user).toMatchObject({ username: 'clerk.new', mustChangePassword: true, locked: false, totpEnrolled: false });
    expect(r.temporaryPassword).toMatch(/^.{12}$/);
    expect(w.directory.audits).toEqual([
      expect.objectContaining({ action: 'user.create', target: { type: 'user', id: r.user.id, label: '新窗口' }, detail: 'clerk.new window_clerk' }),
    ]);
    const first = await login(w.ports, { username: 'clerk.new', password: r.temporaryPassword }, META);
    expect(first.user.scopes).toEqual(['session']);
  }, 30_000);

  it('a taken username is refused (409), whatever its case, and nothing is written', async () => {
    const e = await refusal(
      createUser(w.ports, w.principal('admin'), { username: 'Clerk.County', displayName: 'x', officeId: '411521-center', roles: ['window_clerk'] }, META),
    );
    expect(e).toMatchObject({ kind: 'conflict', code: 'USERNAME_TAKEN', message: '用户名 Clerk.County 已被使用' });
    expect(w.directory.audits).toEqual([]);
  }, 30_000);

  it('a head creates front-line staff in their office and villages only', async () => {
    const head = w.principal('head.lingshan');
    await expect(
      createUser(w.ports, head, { username: 'agent.two', displayName: '代办二', officeId: '411521-lingshan-demo1', roles: ['village_agent'] }, META),
    ).resolves.toBeDefined();
    expect(
      (await refusal(createUser(w.ports, head, { username: 'x.a', displayName: 'x', officeId: '411521-zhugan', roles: ['window_clerk'] }, META))).kind,
    ).toBe('forbidden');
    expect(
      (await refusal(createUser(w.ports, head, { username: 'x.b', displayName: 'x', officeId: '411521-lingshan', roles: ['center_head'] }, META))).kind,
    ).toBe('forbidden');
    expect((await refusal(listUsers(w.ports, w.principal('head.county'), { officeId: '411521-lingshan' }))).kind).toBe('forbidden');
    expect((await listUsers(w.ports, head, { officeId: '411521-lingshan' })).map((u) => u.username)).toEqual(['clerk.lingshan', 'head.lingshan']);
  }, 30_000);

  it('the county center head cannot reset, disable or demote the admin, a supervisor or a township head', async () => {
    const head = w.principal('head.county');
    for (const target of ['admin', 'supervisor', 'head.lingshan', 'clerk.lingshan']) {
      expect((await refusal(resetPassword(w.ports, head, { id: id(target) }, META))).kind, target).toBe('forbidden');
      expect((await refusal(resetTotp(w.ports, head, { id: id(target) }, META))).kind, target).toBe('forbidden');
      expect((await refusal(updateUser(w.ports, head, { id: id(target), disabled: true }, META))).kind, target).toBe('forbidden');
      expect((await refusal(updateUser(w.ports, head, { id: id(target), roles: ['window_clerk'] }, META))).kind, target).toBe('forbidden');
    }
    expect(w.user('admin').passwordHash).toBe(w.user('clerk.county').passwordHash); // unchanged
    expect(w.directory.audits).toEqual([]);
  });

  it('nobody resets, disables or demotes themselves', async () => {
    for (const who of ['admin', 'head.lingshan']) {
      expect((await refusal(resetPassword(w.ports, w.principal(who), { id: id(who) }, META))).message).toContain('不能重置自己的密码');
      expect((await refusal(resetTotp(w.ports, w.principal(who), { id: id(who) }, META))).message).toContain('不能重置自己的动态口令');
      expect(await refusal(updateUser(w.ports, w.principal(who), { id: id(who), disabled: true }, META))).toMatchObject({
        kind: 'validation',
        message: '不能修改自己的角色或停用自己',
      });
      expect((await refusal(updateUser(w.ports, w.principal(who), { id: id(who), roles: ['window_clerk'] }, META))).kind).toBe('validation');
    }
  });

  it('a head resets a clerk of their office: new temporary password, lock cleared, sessions ended', async () => {
    const session = await login(w.ports, { username: 'clerk.lingshan', password: PASSWORD }, META);
    for (let i = 0; i < 5; i++) await refusal(login(w.ports, { username: 'clerk.lingshan', password: `Wrong-${i}` }, META));
    expect((await listUsers(w.ports, w.principal('head.lingshan'), { officeId: '411521-lingshan' })).find((u) => u.username === 'clerk.lingshan')!.locked).toBe(
      true,
    );
    w.advance(1000); // sessions that began before the reset end
    const r = await resetPassword(w.ports, w.principal('head.lingshan'), { id: id('clerk.lingshan') }, META);
    expect(r.user).toMatchObject({ mustChangePassword: true, locked: false });
    expect(w.user('clerk.lingshan').failedLogins).toBe(0);
    await expect(authorizeToken(w.ports, session.token)).rejects.toThrow(/登录已失效/);
    await expect(login(w.ports, { username: 'clerk.lingshan', password: r.temporaryPassword }, META)).resolves.toMatchObject({
      user: { mustChangePassword: true },
    });
    expect(w.directory.audits.map((a) => a.action)).toContain('user.password.reset');
  }, 30_000);

  it('disabling or re-roling a user ends their sessions; the admin may, on anyone else', async () => {
    const session = await login(w.ports, { username: 'supervisor', password: PASSWORD, totp: w.code('supervisor') }, META);
    await expect(authorizeToken(w.ports, session.token)).resolves.toBeDefined();
    const r = await updateUser(w.ports, w.principal('admin'), { id: id('supervisor'), roles: ['window_clerk'], displayName: '改岗' }, META);
    expect(r).toMatchObject({ roles: ['window_clerk'], displayName: '改岗' });
    await expect(authorizeToken(w.ports, session.token)).rejects.toThrow(/登录已失效/);
    await updateUser(w.ports, w.principal('admin'), { id: id('supervisor'), disabled: true }, META);
    expect((await refusal(login(w.ports, { username: 'supervisor', password: PASSWORD }, META))).code).toBe('INVALID_CREDENTIALS');
  });

  it('a TOTP reset removes the secret and the password: only the holder of the one-time password enrols again', async () => {
    const r = await resetTotp(w.ports, w.principal('admin'), { id: id('head.lingshan') }, META);
    // whoever knew the old password cannot sign in and bind their own authenticator
    expect((await refusal(login(w.ports, { username: 'head.lingshan', password: PASSWORD }, META))).code).toBe('INVALID_CREDENTIALS');
    const first = await login(w.ports, { username: 'head.lingshan', password: r.temporaryPassword }, META);
    expect(first.user).toMatchObject({ mustChangePassword: true, totpEnrolmentRequired: true, scopes: ['session'] });
    expect(r.user).toMatchObject({ totpEnrolled: false, mustChangePassword: true });
  }, 30_000);

  it('a change made on a stale read is refused (409), not lost', async () => {
    const stale = w.user('clerk.county');
    w.advance(1); // updatedAt is the version: the update must happen later than the stale read's
    await updateUser(w.ports, w.principal('admin'), { id: stale.id, displayName: '甲' }, META);
    const e = await refusal(w.directory.commit([{ op: 'update-user', user: { ...stale, displayName: '乙' }, expectedUpdatedAt: stale.updatedAt }], []));
    expect(e).toMatchObject({ kind: 'conflict', code: 'USER_CHANGED' });
    expect(w.user('clerk.county').displayName).toBe('甲');
  });

  it('offices: the admin adds one under an existing parent; a taken id is 409, a missing parent 400', async () => {
    const admin = w.principal('admin');
    await expect(
      createOffice(w.ports, admin, { id: '411521-lingshan-xinchun', name: '新村', kind: 'village', parentId: '411521-lingshan' }, META),
    ).resolves.toMatchObject({ id: '411521-lingshan-xinchun' });
    expect(
      await refusal(createOffice(w.ports, admin, { id: '411521-lingshan-xinchun', name: '新村', kind: 'village', parentId: '411521-lingshan' }, META)),
    ).toMatchObject({ code: 'OFFICE_EXISTS', message: '机构编号 411521-lingshan-xinchun 已存在' });
    expect((await refusal(createOffice(w.ports, admin, { id: '411521-x-y', name: '某村', kind: 'village', parentId: '411521-nowhere' }, META))).kind).toBe(
      'validation',
    );
    expect(w.directory.audits.filter((a) => a.action === 'office.create')).toHaveLength(1);
  });
});
