import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { AuditInput } from '../../../shared/audit/audit.ts';
import type { FirstAdminMark, FirstAdminStore } from '../../../shared/identity/ports.ts';
import type { StaffUser } from '../../../shared/identity/types.ts';

/**
 * The FirstAdminStore contract: run on the memory fake (first-admin.test.ts) and on DynamoDB Local
 * (test/integration/identity/ports.test.ts). A county has one mark, so every test starts from
 * whatever mark the store holds (the first from none): the tests may share one new table.
 */
export const firstAdminContract = (make: () => FirstAdminStore): void => {
  const T0 = '2026-11-23T02:00:00.000Z';
  const admin = (over: Partial<StaffUser> = {}): StaffUser => ({
    id: randomUUID(),
    username: `root${randomUUID().slice(0, 8)}`,
    displayName: '县级管理员',
    officeId: '411521-center',
    roles: ['county_admin'],
    passwordHash: 'scrypt$1024$8$1$x$y',
    mustChangePassword: true,
    disabled: false,
    failedLogins: 0,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  });
  const markOf = (u: StaffUser): FirstAdminMark => ({ userId: u.id, username: u.username, createdAt: T0 });
  const audit: AuditInput[] = [{ actor: { anonymous: 'contract' }, action: 'user.create', result: 'success', sourceIp: 'command', userAgent: 'vitest' }];
  const codeOf = (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: { code?: string }) => e.code ?? 'error',
    );
  /** The store's mark, making one first when it has none. */
  const current = async (s: FirstAdminStore): Promise<FirstAdminMark> => {
    const m = await s.firstAdmin();
    if (m) return m;
    const u = admin();
    await s.createFirstAdmin(u, markOf(u), undefined, audit);
    return markOf(u);
  };

  it('on a new table: creates the admin with the mark; a run that does not replace the mark it finds is refused and writes no user', async () => {
    const s = make();
    expect(await s.firstAdmin()).toBeUndefined();
    const first = admin();
    // a --force that names a mark the store does not have is someone else's race: refused
    expect(await codeOf(s.createFirstAdmin(first, markOf(first), markOf(admin()), audit))).toBe('ADMIN_EXISTS');
    expect(await s.firstAdmin()).toBeUndefined();
    await s.createFirstAdmin(first, markOf(first), undefined, audit);
    expect(await s.firstAdmin()).toEqual(markOf(first));
    expect(await s.userByUsername(first.username.toUpperCase())).toMatchObject({ id: first.id, roles: ['county_admin'] });
    const second = admin();
    expect(await codeOf(s.createFirstAdmin(second, markOf(second), undefined, audit))).toBe('ADMIN_EXISTS');
    expect(await codeOf(s.createFirstAdmin(second, markOf(second), { ...markOf(first), userId: randomUUID() }, audit))).toBe('ADMIN_EXISTS');
    expect(await s.userByUsername(second.username)).toBeUndefined();
    expect(await s.firstAdmin()).toEqual(markOf(first));
  });

  it('replacing the mark it finds (--force) makes another admin and moves the mark', async () => {
    const s = make();
    const was = await current(s);
    const next = admin();
    await s.createFirstAdmin(next, markOf(next), was, audit);
    expect(await s.firstAdmin()).toEqual(markOf(next));
    expect(await s.userByUsername(was.username)).toMatchObject({ id: was.userId });
  });

  it('a taken username (any case) is refused as USERNAME_TAKEN, and the mark stays as it was', async () => {
    const s = make();
    const was = await current(s);
    const clash = admin({ username: was.username.toUpperCase() });
    expect(await codeOf(s.createFirstAdmin(clash, markOf(clash), was, audit))).toBe('USERNAME_TAKEN');
    expect(await s.firstAdmin()).toEqual(was);
  });

  it('the mark is looked at first: another run’s mark and a taken name at once answer ADMIN_EXISTS', async () => {
    const s = make();
    const was = await current(s);
    const clash = admin({ username: was.username });
    expect(await codeOf(s.createFirstAdmin(clash, markOf(clash), undefined, audit))).toBe('ADMIN_EXISTS');
  });

  it('puts offices idempotently: twice, or changed, each is there once as last put', async () => {
    const s = make();
    const id = `411521-fa${randomUUID().slice(0, 6)}`;
    const office = { id, name: '测试镇', kind: 'township' as const, parentId: '411521-center' };
    await s.putOffices([office], audit);
    await s.putOffices([office, { ...office, id: `${id}-v`, kind: 'village' as const, parentId: id, name: '测试村' }], audit);
    await s.putOffices([{ ...office, name: '改名镇' }], audit);
    const ours = (await s.offices()).filter((o) => o.id.startsWith(id)).sort((a, b) => a.id.localeCompare(b.id));
    expect(ours).toEqual([
      { ...office, name: '改名镇' },
      { id: `${id}-v`, name: '测试村', kind: 'village', parentId: id },
    ]);
  });
};
