import { describe, expect, it } from 'vitest';
import { memoryCaseStore } from '../../../shared/cases/memory-cases.ts';
import { memoryExchangeStore } from '../../../shared/exchange/memory-exchange.ts';
import { memoryProvince } from '../../../shared/exchange/memory-province.ts';
import { memoryOffices } from '../../../shared/offices/memory-offices.ts';
import { exchangeWrites, stagesOf } from '../../../shared/exchange/plan.ts';
import { backoffSeconds, deliverRecord } from '../../../shared/exchange/deliver.ts';
import { profileOf } from '../../../shared/exchange/profiles.ts';
import type { ExchangePorts } from '../../../shared/exchange/ports.ts';
import type { CaseRecord } from '../../../shared/cases/model.ts';
import { caseIn } from '../cases/fixtures.ts';
import { exchangeStoreContract } from './store-contract.ts';

describe('the memory ExchangeStore keeps the ExchangeStore contract', () => {
  exchangeStoreContract(() => {
    const cases = memoryCaseStore();
    return { cases, store: memoryExchangeStore(cases.outbox) };
  });
});

describe('the stages a case change makes', () => {
  it('受理 at intake or after 补正, 补正 at intake, 不予受理, 办结, 送达; 签收 of a 转报; nothing for other changes', () => {
    const accepted = caseIn('accepted');
    expect(stagesOf(undefined, accepted)).toEqual(['accepted']);
    expect(stagesOf(undefined, caseIn('awaiting_supplement'))).toEqual(['supplement']);
    expect(stagesOf(caseIn('awaiting_supplement'), accepted)).toEqual(['accepted']);
    expect(stagesOf(undefined, caseIn('not_accepted'))).toEqual(['refused']);
    expect(stagesOf(accepted, { ...accepted, status: 'in_progress' })).toEqual([]);
    expect(stagesOf(accepted, { ...accepted, status: 'decided' })).toEqual(['decided']);
    expect(stagesOf({ ...accepted, status: 'decided' }, { ...accepted, status: 'delivered' })).toEqual(['delivered']);
    const t = { id: 'h1', fromOfficeId: 'a', toOfficeId: 'b', reason: 'r', by: 'x', sentAt: 's', receiveDueAt: 'd', phase: 'received' as const };
    expect(
      stagesOf(
        { ...accepted, transfer: { ...t, phase: 'sent' } } as CaseRecord,
        { ...accepted, transfer: { ...t, receivedAt: '2026-12-08T02:00:00Z' } } as CaseRecord,
      ),
    ).toEqual(['forwarded']);
  });

  it('records carry the masked name and no ID number or phone; ids sort as the case lived them', () => {
    const c = caseIn('accepted', { version: 1 });
    const [w] = exchangeWrites(undefined, c, new Date('2026-12-08T02:00:00Z'));
    expect(w).toMatchObject({
      op: 'outbox',
      entry: { topic: 'exchange', subject: c.id, id: '000001-accepted', progress: { status: 'pending', day: '2026-12-08' } },
    });
    const text = JSON.stringify(w);
    expect(text).toContain(c.applicant.nameMasked);
    expect(text).not.toContain(c.applicant.name);
    expect(text).not.toContain(c.applicant.idMasked);
    expect(text).not.toContain(c.applicant.phoneMasked);
    expect(['000009-delivered', '000010-rated', '000002-accepted'].sort()).toEqual(['000002-accepted', '000009-delivered', '000010-rated']);
  });
});

describe('delivery to the province', () => {
  const setup = () => {
    const cases = memoryCaseStore();
    const store = memoryExchangeStore(cases.outbox);
    const province = memoryProvince(profileOf('41-demo'));
    let now = Date.parse('2026-12-08T02:00:00Z');
    const ports: ExchangePorts = {
      store,
      gateway: () => province,
      offices: memoryOffices([]),
      config: () => ({ enabled: true, province: '41-demo' }),
      clock: () => new Date((now += 1000)),
    };
    return { cases, store, province, ports };
  };
  const lived = async (cases: ReturnType<typeof memoryCaseStore>) => {
    const c0 = caseIn('accepted', { version: 1 });
    const c1 = { ...c0, status: 'decided' as const, decision: { result: 'approved' as const, at: 'x', onTime: true, by: 'c' }, version: 2 };
    const c2 = { ...c1, status: 'delivered' as const, delivery: { method: 'pickup' as const, signedBy: '王*', at: 'y' }, version: 3 };
    const writes = [...exchangeWrites(undefined, c0, new Date()), ...exchangeWrites(c0, c1, new Date()), ...exchangeWrites(c1, c2, new Date())];
    await cases.commit(writes, []);
    return c0.id;
  };

  it('every message three times, the last first: each record acknowledged once, in order', async () => {
    const { cases, store, province, ports } = setup();
    const caseId = await lived(cases);
    const ids = (await store.list(caseId)).map((r) => r.id);
    for (const id of [...ids].reverse()) for (let i = 1; i <= 3; i++) await deliverRecord(ports, { caseId, id }, { claim: `${id}-${i}`, receives: i });
    expect((await store.list(caseId)).map((r) => r.status)).toEqual(['acknowledged', 'acknowledged', 'acknowledged']);
    const firsts = province.received.filter((r) => r.answer === 'acknowledged').map((r) => r.fields.NODE_CODE);
    expect(firsts).toEqual(['SL', 'BJ', 'SD']);
  });

  it('a held record waits with a growing pause; the province down → retried, then the rest follow in order', async () => {
    const { cases, store, province, ports } = setup();
    const caseId = await lived(cases);
    const [a, b] = (await store.list(caseId)).map((r) => r.id);
    expect(await deliverRecord(ports, { caseId, id: b! }, { claim: 'm2', receives: 1 })).toMatchObject({ done: false, retryAfterSeconds: 30 });
    province.down(1);
    expect(await deliverRecord(ports, { caseId, id: a! }, { claim: 'm1', receives: 2 })).toMatchObject({ done: false, retryAfterSeconds: 60 });
    expect((await store.list(caseId))[0]).toMatchObject({ status: 'pending', reason: expect.stringContaining('省平台暂不可用') });
    expect(await deliverRecord(ports, { caseId, id: a! }, { claim: 'm1', receives: 3 })).toEqual({ done: true, outcome: 'acknowledged' });
    expect((await store.list(caseId)).map((r) => r.status)).toEqual(['acknowledged', 'acknowledged', 'acknowledged']);
    expect(backoffSeconds(1)).toBe(30);
    expect(backoffSeconds(100)).toBe(3600);
  });

  it('a rejected record stops its case’s later records until corrected', async () => {
    const { cases, store, province, ports } = setup();
    const caseId = await lived(cases);
    const c = (await store.list(caseId))[0]!;
    province.rejectItem(c.record.itemCode, '事项编码不在省级事项库中');
    expect(await deliverRecord(ports, { caseId, id: c.id }, { claim: 'm1', receives: 1 })).toEqual({ done: true, outcome: 'rejected' });
    expect((await store.list(caseId))[0]).toMatchObject({ status: 'rejected', reason: '事项编码不在省级事项库中' });
    expect(await deliverRecord(ports, { caseId, id: (await store.list(caseId))[1]!.id }, { claim: 'm2', receives: 1 })).toMatchObject({ done: false });
  });
});
