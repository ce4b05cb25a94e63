import { beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { DirectoryStore } from '../../../shared/identity/ports.ts';
import { codeOf, newUser, rule, T0 } from './contract-fixtures.ts';

/**
 * The login counters' contract (LoginAttempts of ports.ts, on a directory whose users hold them):
 * run on the memory fake (directory.test.ts) and on DynamoDB Local
 * (test/integration/identity/ports.test.ts). Taken before the check, atomically, and never made
 * for a user who does not exist.
 */
export const attemptsContract = (make: () => DirectoryStore): void => {
  let d: DirectoryStore;
  beforeAll(() => {
    d = make();
  });

  it('attempts: five are taken, the sixth is locked until the end armed by the fifth; after it, a new generation', async () => {
    const u = newUser();
    await d.commit([{ op: 'create-user', user: u }], []);
    const taken = [];
    for (let i = 0; i < 5; i++) taken.push((await d.takeLoginAttempt(u.username, rule(T0))).attempt);
    expect(taken).toEqual(Array(5).fill({ taken: true, generation: 0 }));
    expect((await d.takeLoginAttempt(u.username, rule('2026-11-22T01:05:00.000Z'))).attempt).toEqual({ taken: false, lockedUntil: '2026-11-22T01:15:00.000Z' });
    const later = await d.takeLoginAttempt(u.username, rule('2026-11-22T01:15:00.000Z'));
    expect(later.attempt).toEqual({ taken: true, generation: 1 });
    expect(later.user).toMatchObject({ id: u.id, failedLogins: 1 });
    // a success of the old generation clears nothing; one of the current generation does
    await d.clearAttempts({ userId: u.id }, 0);
    expect((await d.userById(u.id))!.failedLogins).toBe(1);
    await d.releaseAttempt({ userId: u.id }, 0);
    expect((await d.userById(u.id))!.failedLogins).toBe(1);
    await d.releaseAttempt({ userId: u.id }, 1);
    expect((await d.userById(u.id))!.failedLogins).toBe(0);
    await d.clearAttempts({ userId: u.id }, 1);
    expect(await d.userById(u.id)).toMatchObject({ failedLogins: 0, attemptGen: 2 });
  });

  it('an unknown username has a counter of its own with the same rule', async () => {
    const name = `ghost${randomUUID().slice(0, 6)}`;
    for (let i = 0; i < 5; i++) expect((await d.takeLoginAttempt(name, rule(T0))).attempt.taken).toBe(true);
    const sixth = await d.takeLoginAttempt(name.toUpperCase(), rule(T0));
    expect(sixth).toEqual({ attempt: { taken: false, lockedUntil: '2026-11-22T01:15:00.000Z' } });
    await d.clearAttempts({ username: name }, 0);
    expect((await d.takeLoginAttempt(name, rule(T0))).attempt).toEqual({ taken: true, generation: 1 });
  });

  it('parallel takes never exceed the limit', async () => {
    const u = newUser();
    await d.commit([{ op: 'create-user', user: u }], []);
    const all = await Promise.all(Array.from({ length: 12 }, () => d.takeLoginAttempt(u.username, rule(T0))));
    expect(all.filter((r) => r.attempt.taken)).toHaveLength(5);
    const ip = `10.0.${Math.floor(Math.random() * 250)}.1`;
    const addr = await Promise.all(Array.from({ length: 12 }, () => d.takeAddressAttempt(ip, '1', 8, 9_999_999_999)));
    expect(addr.filter(Boolean)).toHaveLength(8);
    await d.releaseAddressAttempt(ip, '1');
    expect(await d.takeAddressAttempt(ip, '1', 8, 9_999_999_999)).toBe(true);
    expect(await d.takeAddressAttempt(ip, '1', 8, 9_999_999_999)).toBe(false);
    expect(await d.takeAddressAttempt(ip, '2', 8, 9_999_999_999)).toBe(true);
  });

  it('a TOTP step works once', async () => {
    const u = newUser();
    await d.commit([{ op: 'create-user', user: u }], []);
    expect(await d.useTotpStep(u.id, 100)).toBe(true);
    expect(await d.useTotpStep(u.id, 100)).toBe(false);
    expect(await d.useTotpStep(u.id, 99)).toBe(false);
    expect(await d.useTotpStep(u.id, 101)).toBe(true);
  });

  it('a user who does not exist: taking one of their attempts is NotFound; their TOTP step is refused; clearing and releasing change nothing and make no record', async () => {
    const id = randomUUID();
    expect(await codeOf(d.takeUserAttempt(id, rule(T0)))).toBe('NOT_FOUND');
    expect(await d.useTotpStep(id, 100)).toBe(false);
    await d.clearAttempts({ userId: id }, 0);
    await d.releaseAttempt({ userId: id }, 0);
    expect(await d.userById(id)).toBeUndefined();
  });

  it('an address counts per window; a release gives one back, never below zero', async () => {
    const ip = `10.1.${Math.floor(Math.random() * 250)}.2`;
    await d.releaseAddressAttempt(ip, '7');
    expect(await d.takeAddressAttempt(ip, '7', 1, 9_999_999_999)).toBe(true);
    expect(await d.takeAddressAttempt(ip, '7', 1, 9_999_999_999)).toBe(false);
    await d.releaseAddressAttempt(ip, '7');
    await d.releaseAddressAttempt(ip, '7');
    expect(await d.takeAddressAttempt(ip, '7', 1, 9_999_999_999)).toBe(true);
    expect(await d.takeAddressAttempt(ip, '7', 1, 9_999_999_999)).toBe(false);
  });

  it('a user’s counters are theirs: a release or clear of another generation, or a release at zero, leaves the count', async () => {
    const u = newUser();
    await d.commit([{ op: 'create-user', user: u }], []);
    await d.releaseAttempt({ userId: u.id }, 0);
    expect((await d.userById(u.id))!.failedLogins).toBe(0);
    expect(await d.takeUserAttempt(u.id, rule(T0))).toEqual({ taken: true, generation: 0 });
    await d.clearAttempts({ userId: u.id }, 5);
    expect((await d.userById(u.id))!.failedLogins).toBe(1);
  });

  it('a clear before any attempt was taken starts no generation (a user, an unknown name)', async () => {
    const u = newUser();
    await d.commit([{ op: 'create-user', user: u }], []);
    await d.clearAttempts({ userId: u.id }, 0);
    expect(await d.takeUserAttempt(u.id, rule(T0))).toEqual({ taken: true, generation: 0 });
    const name = `ghost${randomUUID().slice(0, 6)}`;
    await d.clearAttempts({ username: name }, 0);
    expect((await d.takeLoginAttempt(name, rule(T0))).attempt).toEqual({ taken: true, generation: 0 });
  });
};
