import { expect, it } from 'vitest';
import type { SearchMissStore } from '../../../shared/catalog/ports.ts';

/** The SearchMissStore contract: run on the memory fake (unit) and on DynamoDB Local (integration). */
export const searchMissContract = (make: () => SearchMissStore): void => {
  it('counts each kind of miss per query and month, most counted first, and keeps months apart', async () => {
    const s = make();
    await s.record('2026-12', '养老金咋领', 'zero', '2026-12-01T01:00:00.000Z');
    await s.record('2026-12', '养老金咋领', 'zero', '2026-12-02T01:00:00.000Z');
    await s.record('2026-12', '养老金咋领', 'noClick', '2026-12-03T01:00:00.000Z');
    await s.record('2026-12', '摆摊', 'noClick', '2026-12-03T02:00:00.000Z');
    await s.record('2026-11', '摆摊', 'zero', '2026-11-03T02:00:00.000Z');
    const top = await s.top('2026-12', 10);
    expect(top.map((m) => [m.query, m.zero, m.noClick])).toEqual([
      ['养老金咋领', 2, 1],
      ['摆摊', 0, 1],
    ]);
    expect(top[0]!.lastAt).toBe('2026-12-03T01:00:00.000Z');
    expect((await s.top('2026-11', 10)).map((m) => m.query)).toEqual(['摆摊']);
    expect(await s.top('2026-10', 10)).toEqual([]);
  });

  it('counts concurrent misses of one query exactly (an atomic add)', async () => {
    const s = make();
    await Promise.all(Array.from({ length: 20 }, (_v, i) => s.record('2026-12', '并发', 'zero', `2026-12-01T01:00:${String(i).padStart(2, '0')}.000Z`)));
    expect((await s.top('2026-12', 10)).find((m) => m.query === '并发')?.zero).toBe(20);
  });

  it('marks a query handled, and marking a query never counted changes nothing', async () => {
    const s = make();
    await s.record('2026-12', '改名字', 'zero', '2026-12-01T01:00:00.000Z');
    await s.markHandled('2026-12', '改名字', { code: 'LS-01-012', name: '变更姓名', at: '2026-12-05T01:00:00.000Z' });
    await s.markHandled('2026-12', '从未出现', { code: 'LS-01-012', name: '变更姓名', at: '2026-12-05T01:00:00.000Z' });
    const top = await s.top('2026-12', 10);
    expect(top.find((m) => m.query === '改名字')?.handled).toEqual({ code: 'LS-01-012', name: '变更姓名', at: '2026-12-05T01:00:00.000Z' });
    expect(top.find((m) => m.query === '从未出现')).toBeUndefined();
  });
};
