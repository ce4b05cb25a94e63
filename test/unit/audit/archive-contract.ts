import { expect, it } from 'vitest';
import type { AuditArchive } from '../../../shared/audit/ports.ts';
import { archiveKey } from '../../../shared/audit/archive.ts';

/**
 * The AuditArchive contract: run on the memory fake (unit) and on fauxqs's S3 (integration).
 * That a second put of a key writes nothing is the bucket's If-None-Match, which the local
 * emulator does not honour: it is checked on the fake only (test/unit/audit/ports.test.ts).
 */
export const auditArchiveContract = (make: () => Promise<AuditArchive>): void => {
  const month = () =>
    `20${90 + Math.floor(Math.random() * 9)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${Math.random().toString(36).slice(2, 6)}`;

  it('gives back what was put, byte for byte, under a key with the instant and id in it', async () => {
    const a = await make();
    const key = archiveKey({ at: '2091-03-01T08:00:00.123Z', id: crypto.randomUUID() });
    const body = JSON.stringify({ detail: '受理：材料齐全 ✓', n: 1 });
    await a.put(key, body);
    expect(await a.get(key)).toBe(body);
    expect(await a.get(`${key}.missing`)).toBeUndefined();
  });

  it('lists the keys under a prefix, each once, in key order, and none outside it', async () => {
    const a = await make();
    const m = month();
    const keys = ['2091-03-02T00:00:00.000Z#b', '2091-03-01T00:00:00.000Z#a', '2091-03-01T00:00:00.000Z#c'].map((k) => `audit/${m}/${k}.json`);
    for (const k of keys) await a.put(k, k);
    await a.put(`audit/${m}x/2091-03-01T00:00:00.000Z#z.json`, 'next door');
    expect(await a.list(`audit/${m}/`)).toEqual([...keys].sort());
    expect(await a.list(`audit/${m}-none/`)).toEqual([]);
  });
};
