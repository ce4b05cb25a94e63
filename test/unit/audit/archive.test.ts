import { describe, expect, it } from 'vitest';
import { archiveEvents, archiveKey, canonical, verifyMonth } from '../../../shared/audit/archive.ts';
import { memoryAuditArchive } from '../../../shared/audit/memory-audit-archive.ts';
import type { AuditEvent } from '../../../shared/audit/audit.ts';

const ev = (n: number, over: Partial<AuditEvent> = {}): AuditEvent => ({
  id: `e${n}`,
  at: `2026-11-0${n}T01:00:00.000Z`,
  actor: { userId: 'u1', username: 'clerk.lingshan', officeId: '411521-lingshan' },
  action: 'case.decide',
  result: 'success',
  sourceIp: '10.0.0.1',
  userAgent: 'ua',
  ...over,
});

describe('the locked audit copy and its check', () => {
  it('a month that matches its copy reports nothing', async () => {
    const archive = memoryAuditArchive();
    const table = [ev(1), ev(2), ev(3)];
    await archiveEvents({ archive }, table);
    expect(await verifyMonth({ archive, events: async () => table }, '2026-11')).toEqual({
      month: '2026-11',
      checked: 3,
      missing: [],
      altered: [],
      removed: [],
    });
  });

  it('finds an event changed in the table after it was written, one never copied and one deleted', async () => {
    const archive = memoryAuditArchive();
    await archiveEvents({ archive }, [ev(1), ev(2), ev(3)]);
    const table = [ev(1, { result: 'failure' }), ev(3), ev(4)];
    const r = await verifyMonth({ archive, events: async () => table }, '2026-11');
    expect(r.altered).toEqual([archiveKey(ev(1))]);
    expect(r.missing).toEqual([archiveKey(ev(4))]);
    expect(r.removed).toEqual([archiveKey(ev(2))]);
  });

  it('a redelivered event never replaces the first copy', async () => {
    const archive = memoryAuditArchive();
    await archiveEvents({ archive }, [ev(1)]);
    await archiveEvents({ archive }, [ev(1, { detail: 'forged' })]);
    expect(archive.objects.get(archiveKey(ev(1)))).toBe(canonical(ev(1)));
  });

  it('the copy does not depend on attribute order', () => {
    const a = ev(1);
    const b = Object.fromEntries(Object.entries(a).reverse()) as unknown as AuditEvent;
    expect(canonical(b)).toBe(canonical(a));
  });
});
