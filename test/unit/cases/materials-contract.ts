import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { AuditInput } from '../../../shared/audit/audit.ts';
import { materialKey, type MaterialFile } from '../../../shared/cases/materials-model.ts';
import type { MaterialObjects, MaterialStore } from '../../../shared/cases/ports.ts';

/**
 * The materials' contracts, run on the memory fakes (unit) and on DynamoDB Local and fauxqs S3
 * (test/integration/cases/materials-store.test.ts). Every case id is fresh, so a reused table or
 * bucket changes nothing.
 */
const audit: AuditInput = { actor: { anonymous: 'contract' }, action: 'case.material-upload', result: 'success', sourceIp: '', userAgent: 'vitest' };
const fileOf = (caseId: string, n: number, size = 100): MaterialFile => {
  const materialId = randomUUID();
  return {
    caseId,
    materialId,
    name: `材料${n}`,
    contentType: 'image/png',
    size,
    key: materialKey(caseId, materialId),
    status: 'pending',
    uploadedBy: 'clerk.lingshan',
    uploadedByName: '窗口',
    createdAt: `2026-12-01T02:00:0${n}.000Z`,
  };
};

export const materialStoreContract = (make: () => MaterialStore): void => {
  const caps = { maxFiles: 2, maxBytes: 300 };

  it('reserves a pending file and reads it back; lists the case’s files oldest first', async () => {
    const s = make();
    const caseId = randomUUID();
    const [a, b] = [fileOf(caseId, 2), fileOf(caseId, 1)];
    expect(await s.reserve(a, caps, audit)).toBe(true);
    expect(await s.reserve(b, caps, audit)).toBe(true);
    expect(await s.get(caseId, a.materialId)).toEqual(a);
    expect(await s.get(caseId, randomUUID())).toBeUndefined();
    expect((await s.list(caseId)).map((f) => f.materialId)).toEqual([b.materialId, a.materialId]);
    expect(await s.list(randomUUID())).toEqual([]);
  });

  it('refuses a file past the caps (count or bytes) and writes nothing of it; a refused file gives its place back', async () => {
    const s = make();
    const caseId = randomUUID();
    const first = fileOf(caseId, 1, 200);
    expect(await s.reserve(first, caps, audit)).toBe(true);
    const big = fileOf(caseId, 2, 101);
    expect(await s.reserve(big, caps, audit)).toBe(false);
    expect(await s.get(caseId, big.materialId)).toBeUndefined();
    expect(await s.reserve(fileOf(caseId, 3, 100), caps, audit)).toBe(true);
    expect(await s.reserve(fileOf(caseId, 4, 1), caps, audit)).toBe(false);
    await s.refused(caseId, first.materialId, '2026-12-01T03:00:00.000Z', audit);
    expect(await s.reserve(fileOf(caseId, 5, 200), caps, audit)).toBe(true);
  });

  it('a file is stored or refused once: a second answer is MATERIAL_NOT_PENDING; a material id is used once', async () => {
    const s = make();
    const caseId = randomUUID();
    const [a, b] = [fileOf(caseId, 1), fileOf(caseId, 2)];
    await s.reserve(a, caps, audit);
    await s.reserve(b, caps, audit);
    await s.stored(caseId, a.materialId, '2026-12-01T03:00:00.000Z', 'ab'.repeat(32), audit);
    expect(await s.get(caseId, a.materialId)).toMatchObject({ status: 'stored', storedAt: '2026-12-01T03:00:00.000Z', sha256: 'ab'.repeat(32) });
    await expect(s.stored(caseId, a.materialId, '2026-12-01T03:01:00.000Z', 'cd'.repeat(32), audit)).rejects.toMatchObject({ code: 'MATERIAL_NOT_PENDING' });
    await expect(s.refused(caseId, a.materialId, '2026-12-01T03:01:00.000Z', audit)).rejects.toMatchObject({ code: 'MATERIAL_NOT_PENDING' });
    await s.refused(caseId, b.materialId, '2026-12-01T03:02:00.000Z', audit);
    expect(await s.get(caseId, b.materialId)).toMatchObject({ status: 'refused' });
    await expect(s.stored(caseId, b.materialId, '2026-12-01T03:03:00.000Z', 'ef'.repeat(32), audit)).rejects.toMatchObject({ code: 'MATERIAL_NOT_PENDING' });
    await expect(s.stored(caseId, randomUUID(), '2026-12-01T03:03:00.000Z', 'ef'.repeat(32), audit)).rejects.toMatchObject({ code: 'MATERIAL_NOT_PENDING' });
    await expect(s.reserve({ ...fileOf(caseId, 3), materialId: b.materialId }, { maxFiles: 10, maxBytes: 10_000 }, audit)).rejects.toMatchObject({
      code: 'MATERIAL_EXISTS',
    });
  });
};

/** `upload` puts bytes under a key as the browser does (the memory bucket directly, S3 through the presigned PUT). */
export const materialObjectsContract = (make: () => { objects: MaterialObjects; upload(key: string, bytes: Uint8Array): Promise<void> }): void => {
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

  it('an uploaded object has its size and bytes; an absent one is undefined; deleted, it is gone', async () => {
    const { objects, upload } = make();
    const key = materialKey(randomUUID(), randomUUID());
    expect(await objects.head(key)).toBeUndefined();
    expect(await objects.get(key)).toBeUndefined();
    await upload(key, PNG);
    expect(await objects.head(key)).toEqual({ size: PNG.length });
    expect(new Uint8Array((await objects.get(key))!)).toEqual(PNG);
    await objects.delete(key);
    expect(await objects.head(key)).toBeUndefined();
    await objects.delete(key); // deleting what is gone is fine
  });

  it('presigned links name the object; the PUT carries the content type it must be sent with', async () => {
    const { objects } = make();
    const key = materialKey(randomUUID(), randomUUID());
    const put = await objects.presignPut(key, 'application/pdf', 1234, 900);
    expect(put.url).toContain(key);
    expect(put.headers).toMatchObject({ 'Content-Type': 'application/pdf' });
    expect(await objects.presignGet(key, '户口簿.pdf', 60)).toContain(key);
  });
};
