import { beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { DirectoryStore } from '../../../shared/identity/ports.ts';
import type { Session, StaffUser } from '../../../shared/identity/types.ts';
import { codeOf, newUser, rule, T0 } from './contract-fixtures.ts';

/**
 * The directory records' contract (DirectoryRecords of ports.ts): run on the memory fake
 * (directory.test.ts) and on DynamoDB Local (test/integration/identity/ports.test.ts). The fake the
 * unit tests use must refuse exactly like DynamoDB, or the unit tests prove nothing.
 */
export const directoryContract = (make: () => DirectoryStore): void => {
  let d: DirectoryStore;
  beforeAll(() => {
    d = make();
  });

  it('usernames are unique whatever their case; the record is readable by id and name', async () => {
    const u = newUser();
    await d.commit([{ op: 'create-user', user: u }], []);
    expect(await codeOf(d.commit([{ op: 'create-user', user: newUser({ username: u.username.toUpperCase() }) }], []))).toBe('USERNAME_TAKEN');
    expect(await d.userByUsername(u.username.toUpperCase())).toMatchObject({ id: u.id, username: u.username });
    expect((await d.usersOfOffice('411521-lingshan')).map((x) => x.id)).toContain(u.id);
  });

  it('an update on a stale read is refused, and never overwrites the counters', async () => {
    const u = newUser();
    await d.commit([{ op: 'create-user', user: u }], []);
    await d.takeUserAttempt(u.id, rule(T0));
    const v2 = { ...u, displayName: '甲', totpSecret: 'ABC', updatedAt: '2026-11-22T01:00:01.000Z' };
    await d.commit([{ op: 'update-user', user: v2, expectedUpdatedAt: T0 }], []);
    expect(await codeOf(d.commit([{ op: 'update-user', user: { ...u, displayName: '乙' }, expectedUpdatedAt: T0 }], []))).toBe('USER_CHANGED');
    expect(await d.userById(u.id)).toMatchObject({ displayName: '甲', failedLogins: 1, totpSecret: 'ABC' });
    const v3 = { ...v2, updatedAt: '2026-11-22T01:00:02.000Z' };
    delete (v3 as Partial<StaffUser>).totpSecret;
    await d.commit([{ op: 'update-user', user: v3, expectedUpdatedAt: v2.updatedAt, clearFailures: true }], []);
    const after = (await d.userById(u.id))!;
    expect(after.totpSecret).toBeUndefined();
    expect(after).toMatchObject({ failedLogins: 0, attemptGen: 1 });
  });

  it('offices: create refuses a taken id, upsert does not; sessions: an update needs the session', async () => {
    const id = `411521-t${randomUUID().slice(0, 6)}`;
    const office = { id, name: '测试村', kind: 'village' as const, parentId: '411521-lingshan' };
    await d.commit([{ op: 'put-office', office, mode: 'create' }], []);
    expect(await codeOf(d.commit([{ op: 'put-office', office, mode: 'create' }], []))).toBe('OFFICE_EXISTS');
    await d.commit([{ op: 'put-office', office: { ...office, name: '改名村' }, mode: 'upsert' }], []);
    expect(await d.office(id)).toMatchObject({ name: '改名村' });
    expect((await d.offices()).map((o) => o.id)).toContain(id);
    expect(await codeOf(d.commit([{ op: 'update-session', id: randomUUID(), set: { revoked: true } }], []))).toBe('SESSION_GONE');
    const s: Session = {
      id: randomUUID(),
      userId: 'u1',
      username: 'x',
      displayName: 'x',
      officeId: id,
      roles: ['window_clerk'],
      createdAt: T0,
      lastSeenAt: T0,
      endsAt: '2026-11-22T13:00:00.000Z',
      revoked: false,
      mustChangePassword: false,
      totpEnrolmentRequired: false,
    };
    await d.commit([{ op: 'put-session', session: s }], []);
    await d.commit([{ op: 'update-session', id: s.id, set: { revoked: true, renewedAt: T0 } }], []);
    expect(await d.session(s.id)).toMatchObject({ revoked: true, renewedAt: T0 });
  });

  it('all or nothing: a failed condition writes none of the commit', async () => {
    const taken = newUser();
    await d.commit([{ op: 'create-user', user: taken }], []);
    const fresh = newUser();
    const office = { id: `411521-t${randomUUID().slice(0, 6)}`, name: '测试', kind: 'village' as const, parentId: '411521-lingshan' };
    expect(
      await codeOf(
        d.commit(
          [
            { op: 'put-office', office, mode: 'create' },
            { op: 'create-user', user: fresh },
            { op: 'create-user', user: newUser({ username: taken.username }) },
          ],
          [],
        ),
      ),
    ).toBe('USERNAME_TAKEN');
    expect(await d.office(office.id)).toBeUndefined();
    expect(await d.userById(fresh.id)).toBeUndefined();
    await expect(
      d.commit(
        [
          { op: 'update-user', user: taken, expectedUpdatedAt: T0 },
          { op: 'update-user', user: taken, expectedUpdatedAt: T0 },
        ],
        [],
      ),
    ).rejects.toThrow();
  });
};
