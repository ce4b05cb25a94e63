import { expect, it } from 'vitest';
import type { AuditInput } from '../../../shared/audit/audit.ts';
import type { ArchiveRecord } from '../../../shared/archive/model.ts';
import type { ArchivePackages, ArchiveStore } from '../../../shared/archive/ports.ts';

const AUDIT: AuditInput = {
  actor: { userId: 'system:archive', username: 'archive', officeId: '*', displayName: '归档服务' } as never,
  action: 'archive.package',
  target: { type: 'case', id: 'x' },
  result: 'success',
  sourceIp: 'queue',
  userAgent: 'archive',
};

/** A record as the consumer writes it; a unique year per call keeps runs on a shared table apart. */
export const archiveRecord = (over: Partial<ArchiveRecord> = {}): ArchiveRecord => ({
  caseId: crypto.randomUUID(),
  number: `411521-20261104-${String(Math.floor(Math.random() * 9000) + 1000)}`,
  itemCode: 'T-PROM',
  itemName: '测试承诺件',
  officeId: '411521-lingshan',
  applicantType: 'person',
  archiveCode: '411521-2026-D30-x',
  retention: '30y',
  archiveDate: '2026-11-04',
  retainUntil: '2057-01-01',
  lockUntil: '2057-01-01',
  inputs: 'digest',
  packageKey: 'packages/2026/x/v1.zip',
  packageSha256: '0'.repeat(64),
  packageSize: 10,
  packageVersion: 1,
  files: [{ name: 'a/manifest.json', sha256: '1'.repeat(64), size: 3 }],
  checks: { authenticity: true, integrity: true, usability: true, security: true },
  archivedAt: '2026-11-04T08:00:00.000Z',
  approvals: [],
  version: 1,
  ...over,
});

/**
 * What every ArchiveStore must do, on the in-memory fake (unit) and DynamoDB Local (integration):
 * writes conditional on the version read; a year's records newest first; the 鉴定销毁 list holds only
 * records whose retention has ended and that are not destroyed, never 永久 ones.
 */
export const archiveStoreContract = (make: () => ArchiveStore): void => {
  it('a record is written new once, then only on the version read (a stale writer gets CONFLICT)', async () => {
    const store = make();
    const r = archiveRecord();
    expect(await store.get(r.caseId)).toBeUndefined();
    await store.put(r, 0, AUDIT);
    expect(await store.get(r.caseId)).toEqual(r);
    await expect(store.put({ ...r, inputs: 'other' }, 0, AUDIT)).rejects.toMatchObject({ kind: 'conflict' });
    await store.put({ ...r, inputs: 'second', version: 2 }, 1, AUDIT);
    await expect(store.put({ ...r, inputs: 'third', version: 2 }, 1, AUDIT)).rejects.toMatchObject({ kind: 'conflict' });
    expect(await store.get(r.caseId)).toMatchObject({ inputs: 'second', version: 2 });
  });

  it('a year’s records newest first, at most the limit; a moved archive date moves the record to its new year', async () => {
    const store = make();
    const year = String(2100 + Math.floor(Math.random() * 800));
    const a = archiveRecord({ archiveDate: `${year}-03-01` });
    const b = archiveRecord({ archiveDate: `${year}-05-01` });
    const c = archiveRecord({ archiveDate: `${year}-04-01` });
    for (const r of [a, b, c]) await store.put(r, 0, AUDIT);
    expect((await store.ofYear(year, 10)).map((r) => r.caseId)).toEqual([b.caseId, c.caseId, a.caseId]);
    expect((await store.ofYear(year, 2)).map((r) => r.caseId)).toEqual([b.caseId, c.caseId]);
    await store.put({ ...a, archiveDate: `${Number(year) + 1}-01-02`, version: 2 }, 1, AUDIT);
    expect((await store.ofYear(year, 10)).map((r) => r.caseId)).toEqual([b.caseId, c.caseId]);
    expect((await store.ofYear(String(Number(year) + 1), 10)).map((r) => r.caseId)).toContain(a.caseId);
  });

  it('retention ended: on or before the day, not destroyed, never 永久', async () => {
    const store = make();
    // a far year of its own keeps earlier runs' records (a shared table) out of the range asserted
    const y = 3000 + Math.floor(Math.random() * 5000);
    const ended = archiveRecord({ retainUntil: `${y}-01-01` });
    const today = archiveRecord({ retainUntil: `${y}-06-01` });
    const later = archiveRecord({ retainUntil: `${y}-06-02` });
    const forever = archiveRecord({ retention: 'permanent', retainUntil: '' });
    const gone = archiveRecord({ retainUntil: `${y}-01-01`, destroyedAt: `${y}-02-01T00:00:00.000Z` });
    for (const r of [ended, today, later, forever, gone]) await store.put(r, 0, AUDIT);
    const ids = (await store.retentionEnded(`${y}-06-01`, 1000)).map((r) => r.caseId);
    expect(ids).toEqual(expect.arrayContaining([ended.caseId, today.caseId]));
    for (const id of [later.caseId, forever.caseId, gone.caseId]) expect(ids).not.toContain(id);
    // destroyed after listing: off the list
    await store.put({ ...ended, destroyedAt: `${y}-06-01T00:00:00.000Z`, version: 2 }, 1, AUDIT);
    expect((await store.retentionEnded(`${y}-06-01`, 1000)).map((r) => r.caseId)).not.toContain(ended.caseId);
  });
};

/**
 * What every ArchivePackages must do, in memory and on S3 (the local emulator): a key is written
 * once; what the bucket says of a package's lock. `enforcesLock`: the bucket refuses deleting a
 * locked package (the fake and S3 Object Lock; the local emulator has no locks).
 */
export const archivePackagesContract = (make: () => ArchivePackages, opts: { enforcesLock: boolean }): void => {
  it('a package reads back as written; a second write to its key changes nothing; an unknown key is undefined', async () => {
    const p = make();
    const key = `packages/2026/${crypto.randomUUID()}/v1.zip`;
    const first = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]);
    await p.put(key, first, '2057-01-01');
    expect(await p.get(key)).toEqual(first);
    await p.put(key, new Uint8Array([9, 9, 9]), '2057-01-01');
    expect(await p.get(key)).toEqual(first);
    expect(await p.get(`${key}.none`)).toBeUndefined();
    expect(await p.lock(`${key}.none`)).toBeUndefined();
    const lock = await p.lock(key);
    expect(lock).toBeDefined();
    if (opts.enforcesLock) expect(lock).toMatchObject({ mode: 'COMPLIANCE', encrypted: true, until: expect.stringMatching(/^2057-01-01/) });
  });

  it('destroy removes a package; a locked one is refused while its lock lasts', async () => {
    const p = make();
    const old = `packages/2020/${crypto.randomUUID()}/v1.zip`;
    await p.put(old, new Uint8Array([1]), '2021-01-01');
    await p.destroy(old);
    expect(await p.get(old)).toBeUndefined();
    if (opts.enforcesLock) {
      const locked = `packages/2026/${crypto.randomUUID()}/v1.zip`;
      await p.put(locked, new Uint8Array([2]), '2057-01-01');
      await expect(p.destroy(locked)).rejects.toThrow();
      expect(await p.get(locked)).toEqual(new Uint8Array([2]));
    }
  });
};
