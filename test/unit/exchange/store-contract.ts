import { expect, it } from 'vitest';
import type { CaseStore } from '../../../shared/cases/ports.ts';
import type { ExchangeStore } from '../../../shared/exchange/ports.ts';
import { exchangeEntry } from '../../../shared/exchange/plan.ts';
import type { StageRecord } from '../../../shared/exchange/model.ts';

/**
 * What every ExchangeStore must do, run on the in-memory fake (unit) and DynamoDB Local
 * (integration): a record is the outbox entry a case commit wrote, read back in its sequence and by
 * its Beijing day; claims and settlements are conditional; only a rejected record is corrected.
 */
export const exchangeStoreContract = (make: () => { store: ExchangeStore; cases: CaseStore }): void => {
  const record = (stage: StageRecord['stage'], at: string, itemCode = 'A-1'): StageRecord => ({
    stage,
    caseNumber: 'LS-2026-000001',
    itemCode,
    itemName: '演示事项',
    itemKind: 'promised',
    countyCode: '411521',
    officeId: 'o1',
    handlingOfficeId: 'o1',
    channel: 'window',
    applicantType: 'person',
    applicantNameMasked: '王*',
    at,
  });

  it('records read back in their sequence and by day; a claim is exclusive; a settled record is not claimed again', async () => {
    const { store, cases } = make();
    const caseId = crypto.randomUUID();
    // 2026-12-08 23:30 Beijing and 2026-12-09 09:00 Beijing: two days
    await cases.commit(
      [
        { op: 'outbox', entry: exchangeEntry(caseId, 3, record('decided', '2026-12-09T01:00:00.000Z')) },
        { op: 'outbox', entry: exchangeEntry(caseId, 1, record('accepted', '2026-12-08T15:30:00.000Z')) },
      ],
      [],
    );
    expect((await store.list(caseId)).map((r) => [r.id, r.status, r.day])).toEqual([
      ['000001-accepted', 'pending', '2026-12-08'],
      ['000003-decided', 'pending', '2026-12-09'],
    ]);
    expect((await store.ofDay('2026-12-08', 100)).filter((r) => r.caseId === caseId).map((r) => r.id)).toEqual(['000001-accepted']);
    expect(await store.claim(caseId, '000001-accepted', 'a', '2026-12-09T00:00:01.000Z', '2026-12-08T23:58:01.000Z')).toBe(true);
    expect(await store.claim(caseId, '000001-accepted', 'b', '2026-12-09T00:00:02.000Z', '2026-12-08T23:58:02.000Z')).toBe(false);
    expect(await store.settle(caseId, '000001-accepted', 'b', { status: 'acknowledged', statusAt: 'x' })).toBe(false);
    // a dead push's claim is taken over once stale
    expect(await store.claim(caseId, '000001-accepted', 'c', '2026-12-09T00:05:00.000Z', '2026-12-09T00:03:00.000Z')).toBe(true);
    expect(
      await store.settle(caseId, '000001-accepted', 'c', { status: 'acknowledged', statusAt: '2026-12-09T00:05:01.000Z', ackId: 'R1', attempted: true }),
    ).toBe(true);
    expect(await store.claim(caseId, '000001-accepted', 'd', '2026-12-09T01:00:00.000Z', '2026-12-09T00:59:00.000Z')).toBe(false);
    const [first] = await store.list(caseId);
    expect(first).toMatchObject({ status: 'acknowledged', ackId: 'R1', attempts: 1 });
    expect(first!.claim).toBeUndefined();
  });

  it('only a rejected record is corrected: its 事项编码 replaced, pending again, the correction kept', async () => {
    const { store, cases } = make();
    const caseId = crypto.randomUUID();
    await cases.commit([{ op: 'outbox', entry: exchangeEntry(caseId, 1, record('accepted', '2026-12-08T02:00:00.000Z')) }], []);
    const fix = { itemCode: 'P-9', by: 'admin', at: '2026-12-08T03:00:00.000Z', note: '改为省级事项编码' };
    expect(await store.correct(caseId, '000001-accepted', fix)).toBe(false);
    await store.claim(caseId, '000001-accepted', 'a', '2026-12-08T02:10:00.000Z', '2026-12-08T02:08:00.000Z');
    await store.settle(caseId, '000001-accepted', 'a', { status: 'rejected', statusAt: '2026-12-08T02:10:01.000Z', reason: '事项编码不存在', attempted: true });
    expect((await store.list(caseId))[0]).toMatchObject({ status: 'rejected', reason: '事项编码不存在' });
    expect(await store.correct(caseId, '000001-accepted', fix)).toBe(true);
    const [r] = await store.list(caseId);
    expect(r).toMatchObject({ status: 'pending', corrected: { by: 'admin', note: '改为省级事项编码' } });
    expect(r!.record.itemCode).toBe('P-9');
    expect(await store.correct(caseId, '000001-accepted', fix)).toBe(false);
  });
};
