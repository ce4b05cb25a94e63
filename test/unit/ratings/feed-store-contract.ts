import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { FeedStore } from '../../../shared/ratings/ports.ts';

/** The FeedStore contract: run on the memory fake (unit) and on the local S3 (fauxqs, integration). */
export const feedStoreContract = (make: () => FeedStore): void => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  const prefix = () => `contract-${randomUUID().slice(0, 8)}/`;

  it('gives a file back byte for byte; putting the key again replaces it; an absent key is undefined', async () => {
    const s = make();
    const p = prefix();
    const all = Uint8Array.from({ length: 256 }, (_v, i) => i);
    await s.put(`${p}2091-01-01/feed.xlsx`, all, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await s.get(`${p}2091-01-01/feed.xlsx`)).toEqual(all);
    await s.put(`${p}2091-01-01/feed.xlsx`, bytes(1, 2, 3), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await s.get(`${p}2091-01-01/feed.xlsx`)).toEqual(bytes(1, 2, 3));
    expect(await s.get(`${p}2091-01-02/feed.xlsx`)).toBeUndefined();
  });

  it('lists only the files under a prefix, in key order (byte order, as S3 lists), with their sizes', async () => {
    const s = make();
    const p = prefix();
    for (const k of ['b/x.jsonl', 'a/ratings.jsonl', 'a/Z.jsonl', 'a/cases.jsonl', 'ab/x.jsonl'])
      await s.put(`${p}${k}`, bytes(...k.split('').map((c) => c.charCodeAt(0))), 'application/x-ndjson');
    const listed = await s.list(`${p}a/`);
    expect(listed.map((f) => f.key)).toEqual([`${p}a/Z.jsonl`, `${p}a/cases.jsonl`, `${p}a/ratings.jsonl`]);
    expect(listed.map((f) => f.size)).toEqual([9, 13, 15]);
    for (const f of listed) expect(new Date(f.lastModified).toISOString()).toBe(f.lastModified);
    expect((await s.list(p)).map((f) => f.key.slice(p.length))).toEqual(['a/Z.jsonl', 'a/cases.jsonl', 'a/ratings.jsonl', 'ab/x.jsonl', 'b/x.jsonl']);
    expect(await s.list(`${p}c/`)).toEqual([]);
  });
};
