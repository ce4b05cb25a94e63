import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { AuditInput } from '../../../shared/audit/audit.ts';
import type { CatalogStore, CatalogWrite } from '../../../shared/catalog/ports.ts';
import type { Actor, CatalogEntry, ItemVersion, PublishedCopy } from '../../../shared/catalog/versions.ts';
import { sampleItem } from './fixtures.ts';

/**
 * The CatalogStore contract: run on the memory fake (unit) and on DynamoDB Local (integration).
 * Every test takes its own item codes, so it holds on a table other tests share.
 */
export const catalogStoreContract = (make: () => CatalogStore): void => {
  const by: Actor = { userId: 'u-admin', username: 'admin', officeId: '411521-center' };
  const audit: AuditInput = { actor: { anonymous: 'contract' }, action: 'catalog.item.save', result: 'success', sourceIp: '', userAgent: 'vitest' };
  const search = { py: 'ceshi', ini: 'cs', kwPy: '', matPy: '' };
  const codeOf = (tag: string) => `C${randomUUID().slice(0, 6)}-${tag}`;
  const version = (code: string, v: number, over: Partial<ItemVersion> = {}): ItemVersion => ({
    code,
    version: v,
    status: 'draft',
    item: sampleItem({ code, name: `测试事项 ${v}` }),
    search,
    createdAt: `2091-01-0${Math.min(v, 9)}T00:00:00.000Z`,
    createdBy: by,
    ...over,
  });
  const entry = (code: string, latestVersion: number, over: Partial<CatalogEntry> = {}): CatalogEntry => ({
    code,
    name: '测试事项',
    category: '户籍管理',
    office: '罗山县公安局',
    state: 'draft',
    latestVersion,
    latestStatus: 'draft',
    updatedAt: '2091-01-01T00:00:00.000Z',
    updatedBy: by,
    ...over,
  });
  const copy = (code: string, v: number): PublishedCopy => ({
    code,
    version: v,
    status: 'published',
    item: sampleItem({ code, name: `测试事项 ${v}` }),
    search,
    publishedAt: '2091-01-02T00:00:00.000Z',
  });
  const commit = (s: CatalogStore, ...writes: CatalogWrite[]) => s.commit(writes, [audit]);
  const refused = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e, 'a ConflictError').toMatchObject({ code: 'CATALOG_CONFLICT' });
  };

  it('reads nothing for an item never written', async () => {
    const s = make();
    const code = codeOf('none');
    expect(await s.getEntry(code)).toBeUndefined();
    expect(await s.getVersion(code, 1)).toBeUndefined();
    expect(await s.getCurrent(code)).toBeUndefined();
    expect(await s.listVersions(code)).toEqual([]);
  });

  it('writes a version once; a refused commit writes none of its writes', async () => {
    const s = make();
    const code = codeOf('once');
    await commit(s, { op: 'put-version', row: version(code, 1) }, { op: 'put-entry', entry: entry(code, 1), expectedLatest: null });
    expect(await s.getVersion(code, 1)).toEqual(version(code, 1));
    await refused(
      commit(
        s,
        { op: 'put-entry', entry: entry(code, 2, { name: '改了' }), expectedLatest: 1 },
        { op: 'put-version', row: version(code, 1, { source: '又一次' }) },
      ),
    );
    expect(await s.getEntry(code)).toEqual(entry(code, 1));
    expect(await s.getVersion(code, 1)).toEqual(version(code, 1));
  });

  it('lists versions in version order (10 after 9), whatever order they were written in', async () => {
    const s = make();
    const code = codeOf('order');
    for (const v of [10, 2, 9, 1]) await commit(s, { op: 'put-version', row: version(code, v) });
    expect((await s.listVersions(code)).map((v) => v.version)).toEqual([1, 2, 9, 10]);
  });

  it("moves a version's status only from the status read, stamping who and when", async () => {
    const s = make();
    const code = codeOf('status');
    await commit(s, { op: 'put-version', row: version(code, 1) }, { op: 'put-version', row: version(code, 2) });
    await commit(s, { op: 'set-status', code, version: 1, from: 'draft', to: 'published', at: '2091-01-02T00:00:00.000Z', by });
    await refused(commit(s, { op: 'set-status', code, version: 1, from: 'draft', to: 'published', at: '2091-01-03T00:00:00.000Z', by }));
    await refused(commit(s, { op: 'set-status', code, version: 3, from: 'draft', to: 'published', at: '2091-01-03T00:00:00.000Z', by }));
    await commit(
      s,
      { op: 'set-status', code, version: 1, from: 'published', to: 'superseded', at: '2091-01-04T00:00:00.000Z', by },
      { op: 'set-status', code, version: 2, from: 'draft', to: 'withdrawn', at: '2091-01-04T00:00:00.000Z', by, reason: '政策调整' },
    );
    expect(await s.getVersion(code, 1)).toEqual({
      ...version(code, 1),
      status: 'superseded',
      publishedAt: '2091-01-02T00:00:00.000Z',
      publishedBy: by,
      supersededAt: '2091-01-04T00:00:00.000Z',
    });
    expect(await s.getVersion(code, 2)).toEqual({
      ...version(code, 2),
      status: 'withdrawn',
      withdrawnAt: '2091-01-04T00:00:00.000Z',
      withdrawnBy: by,
      withdrawReason: '政策调整',
    });
  });

  it('keeps a newer published copy only, lists the published in code order, and a withdrawn copy leaves the list once', async () => {
    const s = make();
    const [a, b] = [codeOf('b'), codeOf('a')].sort();
    await commit(s, { op: 'put-current', row: copy(b!, 1) });
    await commit(s, { op: 'put-current', row: copy(a!, 1) });
    await commit(s, { op: 'put-current', row: copy(b!, 2) });
    await refused(commit(s, { op: 'put-current', row: copy(b!, 2) }));
    await refused(commit(s, { op: 'put-current', row: copy(b!, 1) }));
    const mine = async () => (await s.listPublished()).filter((e) => e.item.code === a || e.item.code === b).map((e) => [e.item.code, e.version]);
    expect(await mine()).toEqual([
      [a, 1],
      [b, 2],
    ]);
    await refused(commit(s, { op: 'withdraw-current', code: b!, version: 1, at: '2091-01-05T00:00:00.000Z' }));
    await commit(s, { op: 'withdraw-current', code: b!, version: 2, at: '2091-01-05T00:00:00.000Z' });
    await refused(commit(s, { op: 'withdraw-current', code: b!, version: 2, at: '2091-01-06T00:00:00.000Z' }));
    expect(await s.getCurrent(b!)).toEqual({ ...copy(b!, 2), status: 'withdrawn', withdrawnAt: '2091-01-05T00:00:00.000Z' });
    expect(await mine()).toEqual([[a, 1]]);
  });

  it('replaces an entry only at the latest version read (none: only when there is no entry), and lists entries in code order', async () => {
    const s = make();
    const [a, b] = [codeOf('y'), codeOf('x')].sort();
    await commit(s, { op: 'put-entry', entry: entry(b!, 1), expectedLatest: null });
    await commit(s, { op: 'put-entry', entry: entry(a!, 1), expectedLatest: null });
    await refused(commit(s, { op: 'put-entry', entry: entry(b!, 1), expectedLatest: null }));
    await refused(commit(s, { op: 'put-entry', entry: entry(b!, 3), expectedLatest: 2 }));
    await commit(s, { op: 'put-entry', entry: entry(b!, 2, { state: 'published', publishedVersion: 2, latestStatus: 'published' }), expectedLatest: 1 });
    expect((await s.listEntries()).filter((e) => e.code === a || e.code === b)).toEqual([
      entry(a!, 1),
      entry(b!, 2, { state: 'published', publishedVersion: 2, latestStatus: 'published' }),
    ]);
  });

  it('adds one to the catalog version per bump, and keeps the lexicon at the revision read', async () => {
    const s = make();
    const before = await s.getCatalogVersion();
    await commit(s, { op: 'bump-catalog', at: '2091-01-01T00:00:00.000Z' });
    await commit(s, { op: 'bump-catalog', at: '2091-01-02T00:00:00.000Z' });
    expect(await s.getCatalogVersion()).toBe(before + 2);

    const r0 = (await s.getLexicon())?.revision ?? 0;
    const lexicon = (revision: number, says: string) => ({
      entries: [{ says: [says], means: ['最低生活保障'] }],
      pinyin: { [says]: ['jiumingqian', 'jmq'] as const },
      revision,
      updatedAt: '2091-01-01T00:00:00.000Z',
      updatedBy: by,
    });
    await commit(s, { op: 'put-lexicon', lexicon: lexicon(r0 + 1, '救命钱'), expectedRevision: r0 });
    await refused(commit(s, { op: 'put-lexicon', lexicon: lexicon(r0 + 1, '别的'), expectedRevision: r0 }));
    expect(await s.getLexicon()).toEqual(lexicon(r0 + 1, '救命钱'));
  });
};
