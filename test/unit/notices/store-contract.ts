import { expect, it } from 'vitest';
import type { CaseStore } from '../../../shared/cases/ports.ts';
import type { NoticeStore } from '../../../shared/notices/ports.ts';

/**
 * What every NoticeStore must do, run on the in-memory fake (unit) and DynamoDB Local
 * (integration): a notice is the outbox entry a case commit wrote; claims and settlements are
 * conditional; the daily cap is taken atomically and given back.
 */
export const noticeStoreContract = (make: () => { store: NoticeStore; cases: CaseStore }): void => {
  const entry = (caseId: string, id: string, status = 'queued') => ({
    op: 'outbox' as const,
    entry: {
      topic: 'notices' as const,
      subject: caseId,
      id,
      at: '2026-12-08T02:00:00.000Z',
      payload: { event: id.split('#')[0], channel: 'sms', text: 't', phoneMasked: '139****0001' },
      progress: { status, statusAt: '2026-12-08T02:00:00.000Z' },
    },
  });

  it('a committed notice reads back queued; a claim is exclusive until it settles or goes stale; a settled one is never claimed again', async () => {
    const { store, cases } = make();
    const caseId = crypto.randomUUID();
    await cases.commit([entry(caseId, 'accepted#sms#applicant'), entry(caseId, 'refused#sms#applicant', 'failed')], []);
    expect((await store.list(caseId)).map((n) => [n.id, n.status])).toEqual([
      ['accepted#sms#applicant', 'queued'],
      ['refused#sms#applicant', 'failed'],
    ]);
    await store.hold(caseId, 'accepted#sms#applicant', '2026-12-09T00:00:00.000Z');
    expect((await store.get(caseId, 'accepted#sms#applicant'))?.heldUntil).toBe('2026-12-09T00:00:00.000Z');
    expect(await store.claim(caseId, 'accepted#sms#applicant', 'a', '2026-12-09T00:00:01.000Z', '2026-12-08T23:58:01.000Z')).toBe(true);
    expect(await store.claim(caseId, 'accepted#sms#applicant', 'b', '2026-12-09T00:00:02.000Z', '2026-12-08T23:58:02.000Z')).toBe(false);
    expect(await store.settle(caseId, 'accepted#sms#applicant', 'b', { status: 'sent', statusAt: 'x' })).toBe(false);
    // a dead attempt's claim is taken over once stale
    expect(await store.claim(caseId, 'accepted#sms#applicant', 'c', '2026-12-09T00:05:00.000Z', '2026-12-09T00:03:00.000Z')).toBe(true);
    expect(await store.settle(caseId, 'accepted#sms#applicant', 'a', { status: 'sent', statusAt: 'x' })).toBe(false);
    expect(
      await store.settle(caseId, 'accepted#sms#applicant', 'c', { status: 'sent', statusAt: '2026-12-09T00:05:01.000Z', providerId: 'biz-1', attempted: true }),
    ).toBe(true);
    const sent = await store.get(caseId, 'accepted#sms#applicant');
    expect(sent).toMatchObject({ status: 'sent', providerId: 'biz-1', attempts: 1, statusAt: '2026-12-09T00:05:01.000Z' });
    expect(sent?.claim).toBeUndefined();
    expect(sent?.heldUntil).toBeUndefined();
    expect(await store.claim(caseId, 'accepted#sms#applicant', 'd', '2026-12-10T00:00:00.000Z', '2026-12-10T00:00:00.000Z')).toBe(false);
    expect(await store.claim(caseId, 'refused#sms#applicant', 'e', '2026-12-10T00:00:00.000Z', '2026-12-10T00:00:00.000Z')).toBe(false);
    // a receipt for the provider id it was sent with
    expect(await store.receipt(caseId, 'accepted#sms#applicant', 'other', { status: 'delivered', statusAt: 'y' })).toBe(false);
    expect(await store.receipt(caseId, 'accepted#sms#applicant', 'biz-1', { status: 'delivered', statusAt: '2026-12-09T00:06:00.000Z' })).toBe(true);
    expect((await store.get(caseId, 'accepted#sms#applicant'))?.status).toBe('delivered');
  });

  it('the daily cap: taken up to the cap, per phone and day; a slot given back can be taken again', async () => {
    const { store } = make();
    const phone = crypto.randomUUID();
    const exp = new Date('2030-01-01');
    expect([
      await store.takeCap(phone, '2026-12-08', 2, exp),
      await store.takeCap(phone, '2026-12-08', 2, exp),
      await store.takeCap(phone, '2026-12-08', 2, exp),
    ]).toEqual([true, true, false]);
    expect(await store.takeCap(phone, '2026-12-09', 2, exp)).toBe(true);
    await store.giveBackCap(phone, '2026-12-08');
    expect(await store.takeCap(phone, '2026-12-08', 2, exp)).toBe(true);
  });
};
