import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { approveDestruction, archiveCase, downloadPackage, getArchive, destructionList } from '../../../shared/archive/archive.ts';
import { memoryArchivePackages, memoryArchiveStore } from '../../../shared/archive/memory-archive.ts';
import { archiveDates } from '../../../shared/archive/model.ts';
import { sha256 } from '../../../shared/archive/package.ts';
import type { ArchivePorts } from '../../../shared/archive/ports.ts';
import { memoryMaterialObjects } from '../../../shared/cases/memory-material-files.ts';
import { memoryMaterialStore } from '../../../shared/cases/memory-materials.ts';
import { bjDay } from '../../../shared/platform/beijing-time.ts';
import { documentLines } from '../../../shared/documents/texts.ts';
import { principal, world, caseIn, at, META } from '../cases/fixtures.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
/** A stand-in for the PDF renderer: a valid PDF header and the document's text (the real one is tested in documents/). */
const fakePdf = async (d: Parameters<ArchivePorts['render']>[0]) => new TextEncoder().encode(`%PDF-1.7\n${documentLines(d).join('\n')}`);

const setup = () => {
  const w = world(at('2026-11-05'));
  const archive = memoryArchiveStore();
  const packages = memoryArchivePackages(() => bjDay(w.now()));
  const materials = { materials: memoryMaterialStore(), objects: memoryMaterialObjects() };
  const ports: ArchivePorts = {
    ...w.ports,
    archive,
    packages,
    materials,
    render: fakePdf,
    settings: { countyName: '罗山县', origin: 'https://bm.example.gov.cn', countyCode: '411521' },
  };
  return { w, ports, archive, packages, materials };
};
const ADMIN = principal({ userId: 'u-admin', username: 'admin', roles: ['county_admin'], scopes: ['session', 'case.read', 'archive.manage'] });
const ADMIN2 = principal({ userId: 'u-admin2', username: 'admin2', roles: ['county_admin'], scopes: ['session', 'case.read', 'archive.manage'] });

describe('the archive (GB/T 42727 package, DA/T 70 checks, Object Lock retention)', () => {
  it('a delivered case is archived once however often the message arrives; the zip’s manifest matches its files', async () => {
    const { w, ports, archive } = setup();
    const c = caseIn('delivered', { delivery: { method: 'pickup', signedBy: '张三丰', at: at('2026-11-04').toISOString() } });
    await w.store.commit(
      [
        { op: 'create', case: c, applicantHash: 'h', idempotency: { key: 'k1234567', bodyHash: 'b', expiresAt: new Date('2030-01-01') } },
        // a real case's timeline names its staff: the metadata's 经办人 is a required element
        { op: 'event', caseId: c.id, version: 1, event: { at: c.createdAt, type: 'accepted', by: 'clerk.lingshan', byName: '王窗口' } },
        { op: 'event', caseId: c.id, version: 2, event: { at: c.delivery!.at, type: 'delivered', by: 'clerk.lingshan', byName: '王窗口' } },
      ],
      [],
    );
    const file = {
      caseId: c.id,
      materialId: crypto.randomUUID(),
      name: '居民户口簿',
      contentType: 'image/png' as const,
      size: PNG.length,
      key: `cases/${c.id}/m`,
      status: 'pending' as const,
      uploadedBy: 'x',
      uploadedByName: 'x',
      createdAt: at('2026-11-02').toISOString(),
    };
    await ports.materials.materials.reserve(file, { maxFiles: 30, maxBytes: 1e8 }, {
      actor: { anonymous: 't' },
      action: 't',
      result: 'success',
      sourceIp: '',
      userAgent: '',
    } as never);
    await ports.materials.materials.stored(c.id, file.materialId, file.createdAt, sha256(PNG), {} as never);
    (ports.materials.objects as ReturnType<typeof memoryMaterialObjects>).put(file.key, PNG);

    expect((await getArchive(ports, ADMIN, { id: c.id })).archive.status).toBe('pending');
    expect(await archiveCase(ports, c.id)).toBe('archived');
    for (let i = 0; i < 3; i++) expect(await archiveCase(ports, c.id)).toBe('unchanged');
    expect(archive.writes).toBe(1);

    const a = (await getArchive(ports, ADMIN, { id: c.id })).archive;
    expect(a).toMatchObject({ status: 'archived', retention: '30y', archiveDate: '2026-11-04' });
    expect(a.checks).toEqual({ authenticity: true, integrity: true, usability: true, security: true });
    const { zip } = await downloadPackage(ports, ADMIN, { id: c.id }, META);
    const entries = unzipSync(zip);
    const manifest = JSON.parse(new TextDecoder().decode(Object.entries(entries).find(([k]) => k.endsWith('manifest.json'))![1])) as {
      files: Array<{ name: string; sha256: string }>;
    };
    expect(manifest.files.length).toBe(a.files.length);
    for (const f of manifest.files) expect(sha256(entries[f.name]!)).toBe(f.sha256);
    expect(Object.keys(entries).some((k) => k.includes('/材料/01-居民户口簿.png'))).toBe(true);
    expect(Object.keys(entries).some((k) => k.includes('/文书/') && k.endsWith('受理凭证.pdf'))).toBe(true);
    const meta = new TextDecoder().decode(Object.entries(entries).find(([k]) => k.endsWith('metadata.xml'))![1]);
    for (const el of [
      '<事项编码>T-PROM</事项编码>',
      `<办件编号>${c.number}</办件编号>`,
      '<申请人类型>自然人</申请人类型>',
      '<办理结果>准予</办理结果>',
      '<经办人>受理:王窗口；送达:王窗口</经办人>',
    ])
      expect(meta).toContain(el);
  });

  it('a changed input date recomputes the archive date (a corrected delivery a year later moves the retention too)', async () => {
    const { w, ports } = setup();
    const c = caseIn('delivered', { delivery: { method: 'pickup', signedBy: '张三丰', at: at('2026-11-04').toISOString() } });
    await w.store.commit(
      [{ op: 'create', case: c, applicantHash: 'h', idempotency: { key: 'k7654321', bodyHash: 'b', expiresAt: new Date('2030-01-01') } }],
      [],
    );
    await archiveCase(ports, c.id);
    expect((await getArchive(ports, ADMIN, { id: c.id })).archive).toMatchObject({ archiveDate: '2026-11-04', retainUntil: '2057-01-01' });
    const corrected = { ...c, delivery: { ...c.delivery!, at: at('2027-01-06').toISOString() }, version: c.version + 1 };
    await w.store.commit(
      [
        { op: 'update', case: corrected, expectedVersion: c.version },
        { op: 'event', caseId: c.id, version: 1, event: { at: c.createdAt, type: 'accepted', by: 'clerk.lingshan', byName: '王窗口' } },
      ],
      [],
    );
    expect(await archiveCase(ports, c.id)).toBe('archived');
    expect((await getArchive(ports, ADMIN, { id: c.id })).archive).toMatchObject({ archiveDate: '2027-01-06', retainUntil: '2058-01-01' });
  });

  it('a change of the metadata’s 办理机构 (a hop after 办结) builds a new version; the same case again does not', async () => {
    const { w, ports, archive } = setup();
    const c = caseIn('delivered', { delivery: { method: 'pickup', signedBy: '张三丰', at: at('2026-11-04').toISOString() } });
    await w.store.commit(
      [{ op: 'create', case: c, applicantHash: 'h', idempotency: { key: 'k7654322', bodyHash: 'b', expiresAt: new Date('2030-01-01') } }],
      [],
    );
    expect(await archiveCase(ports, c.id)).toBe('archived');
    expect(await archiveCase(ports, c.id)).toBe('unchanged');
    const moved = { ...c, handlingOfficeId: '411521-mzj', version: c.version + 1 };
    await w.store.commit([{ op: 'update', case: moved, expectedVersion: c.version }], []);
    expect(await archiveCase(ports, c.id)).toBe('archived');
    expect(await archive.get(c.id)).toMatchObject({ packageVersion: 2 });
  });

  it('retention from the year after archiving; 永久 never ends; a 即办件 keeps 10 years by default', () => {
    const c = caseIn('delivered', { delivery: { method: 'pickup', signedBy: 'x', at: '2026-12-31T17:00:00.000Z' } });
    // 2027-01-01 01:00 Beijing: the archive year is 2027
    expect(archiveDates(c, '10y')).toEqual({ archiveDate: '2027-01-01', retainUntil: '2038-01-01', lockUntil: '2038-01-01' });
    expect(archiveDates(c, 'permanent').retainUntil).toBe('');
  });

  it('destruction: refused before the retention ends; one approval is not enough; the same admin twice is refused; two admins destroy', async () => {
    const { w, ports, packages } = setup();
    const c = caseIn('delivered', { kind: 'immediate', delivery: { method: 'pickup', signedBy: 'x', at: at('2026-11-04').toISOString() } });
    await w.store.commit(
      [{ op: 'create', case: c, applicantHash: 'h', idempotency: { key: 'k1111111', bodyHash: 'b', expiresAt: new Date('2030-01-01') } }],
      [],
    );
    await archiveCase(ports, c.id);
    const r = (await getArchive(ports, ADMIN, { id: c.id })).archive;
    expect(r.retention).toBe('10y');
    await expect(approveDestruction(ports, ADMIN, { caseId: c.id }, META)).rejects.toMatchObject({ code: 'RETENTION_NOT_ENDED' });
    expect((await destructionList(ports, ADMIN)).packages).toEqual([]);
    w.setNow(at('2037-01-02'));
    expect((await destructionList(ports, ADMIN)).packages.map((p) => p.caseId)).toEqual([c.id]);
    expect(await approveDestruction(ports, ADMIN, { caseId: c.id }, META)).toEqual({ destroyed: false, approvals: 1 });
    expect(packages.objects.size).toBe(1);
    await expect(approveDestruction(ports, ADMIN, { caseId: c.id }, META)).rejects.toMatchObject({ code: 'ALREADY_APPROVED' });
    expect(packages.objects.size).toBe(1);
    expect(await approveDestruction(ports, ADMIN2, { caseId: c.id }, META)).toEqual({ destroyed: true, approvals: 2 });
    expect(packages.objects.size).toBe(0);
    expect((await getArchive(ports, ADMIN, { id: c.id })).archive.status).toBe('destroyed');
    // a clerk is no county admin
    await expect(approveDestruction(ports, principal(), { caseId: c.id }, META)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
