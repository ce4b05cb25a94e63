import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { AuditInput } from '../../../shared/audit/audit.ts';
import { outboxRefId, type Alert, type OutboxRef } from '../../../shared/supervision/alert.ts';
import type { Order } from '../../../shared/supervision/order.ts';
import type { Settlement, SupervisionStore } from '../../../shared/supervision/ports.ts';

/**
 * The SupervisionStore contract (inbox, 督办, outbox, figures): run on the memory fake (unit) and
 * on DynamoDB Local (integration). Every test takes its own offices, cases and periods, so it holds
 * on a table other tests share; the outbox's claims are county-wide, so that test runs last.
 */
export const supervisionStoreContract = (make: () => SupervisionStore): void => {
  const audit: AuditInput = { actor: { anonymous: 'contract' }, action: 'alert.ack', result: 'success', sourceIp: '', userAgent: 'vitest' };
  const u = () => randomUUID().slice(0, 8);
  const alert = (officeId: string, n: number, over: Partial<Alert> = {}): Alert => ({
    id: `a-${officeId}-${n}`,
    card: 'yellow',
    trigger: 'due',
    key: `due-soon-${n}`,
    caseId: `case-${officeId}-${n}`,
    caseNumber: `411521-20910101-${String(n).padStart(4, '0')}`,
    itemName: '居民身份证核发',
    officeId,
    reason: '临近办理时限',
    at: `2091-01-01T0${n}:00:00.000Z`,
    countyState: 'unread',
    officeState: 'unread',
    acks: {},
    deliveries: {},
    ...over,
  });
  const settlement = (alerts: Alert[], over: Partial<Settlement> = {}): Settlement => ({ alerts, events: [], tallies: [], audits: [], ...over });
  const order = (officeId: string, n: number, over: Partial<Order> = {}): Order => ({
    id: `o-${officeId}-${n}`,
    caseId: `case-${officeId}-${n}`,
    caseNumber: `411521-20910101-${String(n).padStart(4, '0')}`,
    itemCode: 'LS-01-001',
    itemName: '居民身份证核发',
    caseStaff: 'clerk',
    officeId,
    requirement: '请于期限内办结并反馈',
    deadlineWorkdays: 3,
    deadlineDate: '2091-01-05',
    deadlineAt: '2091-01-05T09:59:59.999Z',
    issuedBy: 'supervisor',
    issuedAt: `2091-01-0${n}T01:00:00.000Z`,
    state: 'open',
    rev: 1,
    ...over,
  });
  const none = { events: [], tallies: [], audits: [] };

  it('reads nothing for an alert, order or digest never written, and zero figures for a day never counted', async () => {
    const s = make();
    const o = u();
    expect(await s.alert(`a-${o}`)).toBeUndefined();
    expect(await s.order(`o-${o}`)).toBeUndefined();
    expect(await s.digest(`office:${o}`, '2091-01-01')).toBeUndefined();
    expect(await s.alerts({ side: 'office', officeId: o, limit: 10 })).toEqual({ alerts: [] });
    expect(await s.countyDay('2091-01-01')).toEqual({ taken: 0, decidedOnTime: 0, decidedLate: 0, immediateSameDay: 0 });
  });

  it("lists a side's alerts newest first, page by page, and filters by state, card and case", async () => {
    const s = make();
    const o = u();
    const given = [1, 2, 3, 4, 5].map((n) => alert(o, n, n % 2 ? {} : { card: 'red' }));
    for (const a of [given[2]!, given[0]!, given[4]!, given[1]!, given[3]!]) expect(await s.settle(settlement([a]))).toBe(true);
    expect(await s.alert(given[0]!.id)).toEqual(given[0]);
    const first = await s.alerts({ side: 'office', officeId: o, limit: 2 });
    expect(first.alerts.map((a) => a.id)).toEqual([given[4]!.id, given[3]!.id]);
    const second = await s.alerts({ side: 'office', officeId: o, limit: 2, cursor: first.next! });
    expect(second.alerts.map((a) => a.id)).toEqual([given[2]!.id, given[1]!.id]);
    const third = await s.alerts({ side: 'office', officeId: o, limit: 2, cursor: second.next! });
    expect(third.alerts.map((a) => a.id)).toEqual([given[0]!.id]);
    expect(third.next).toBeUndefined();
    expect((await s.alerts({ side: 'county', officeId: o, card: 'red', limit: 10 })).alerts.map((a) => a.id)).toEqual([given[3]!.id, given[1]!.id]);
    expect((await s.alerts({ side: 'office', officeId: o, caseId: given[2]!.caseId, limit: 10 })).alerts.map((a) => a.id)).toEqual([given[2]!.id]);
    expect((await s.alerts({ side: 'office', officeId: `${o}-x`, limit: 10 })).alerts).toEqual([]);
  });

  it('gives an alert once: a settlement with an alert already given writes nothing of itself', async () => {
    const s = make();
    const o = u();
    const period = `2091${o}`;
    expect(await s.settle(settlement([alert(o, 1)]))).toBe(true);
    const again = settlement([alert(o, 2), alert(o, 1)], {
      tallies: [{ period, dim: 'office', key: o, shard: 0, add: { yellow: 1 } }],
      events: [{ caseId: `case-${o}-2`, at: '2091-01-01T02:00:00.000Z', key: 'due-soon-2', type: 'yellow_card', by: '系统', note: '临近办理时限' }],
    });
    expect(await s.settle(again)).toBe(false);
    expect(await s.alert(alert(o, 2).id)).toBeUndefined();
    expect(await s.tallies(period)).toEqual([]);
  });

  it("acks one side's state once; counts a side's unread, capped, and only the office asked for among the county's", async () => {
    const s = make();
    const o = u();
    // other offices' unread alerts first in the county's index, then this office's
    for (const n of [1, 2, 3]) await s.settle(settlement([alert(`${o}-other`, n)]));
    for (const n of [4, 5, 6]) await s.settle(settlement([alert(o, n)]));
    const id = alert(o, 4).id;
    expect(await s.ackAlert(id, 'office', { by: 'head', at: '2091-01-02T00:00:00.000Z' }, audit)).toBe(true);
    expect(await s.ackAlert(id, 'office', { by: 'head', at: '2091-01-03T00:00:00.000Z' }, audit)).toBe(false);
    expect(await s.ackAlert(`a-${o}-missing`, 'office', { by: 'head', at: '2091-01-03T00:00:00.000Z' }, audit)).toBe(false);
    const acked = await s.alert(id);
    expect(acked).toMatchObject({ officeState: 'acked', countyState: 'unread', acks: { office: { by: 'head', at: '2091-01-02T00:00:00.000Z' } } });
    expect((await s.alerts({ side: 'office', officeId: o, state: 'acked', limit: 10 })).alerts.map((a) => a.id)).toEqual([id]);
    expect((await s.alerts({ side: 'county', officeId: o, state: 'acked', limit: 10 })).alerts).toEqual([]);
    expect(await s.unreadCount('office', o, 10)).toBe(2);
    expect(await s.unreadCount('office', o, 1)).toBe(1);
    expect(await s.unreadCount('county', o, 10)).toBe(3);
    expect(await s.unreadCount('county', o, 2)).toBe(2);
  });

  it('keeps the first delivery time of each channel, and marking a record that is not there changes nothing', async () => {
    const s = make();
    const o = u();
    await s.settle(settlement([alert(o, 1)]));
    const ref: OutboxRef = { type: 'alert', id: alert(o, 1).id };
    await s.markDelivered(ref, 'sns', '2091-01-01T01:00:00.000Z');
    await s.markDelivered(ref, 'sns', '2091-01-01T02:00:00.000Z');
    await s.markDelivered(ref, 'webhook:abc', '2091-01-01T03:00:00.000Z');
    expect((await s.alert(ref.id))!.deliveries).toEqual({ sns: '2091-01-01T01:00:00.000Z', 'webhook:abc': '2091-01-01T03:00:00.000Z' });
    await s.markDelivered({ type: 'alert', id: `a-${o}-missing` }, 'sns', '2091-01-01T01:00:00.000Z');
    await s.markDelivered({ type: 'digest', audience: `office:${o}`, day: '2091-01-01' }, 'sns', '2091-01-01T01:00:00.000Z');
    expect(await s.alert(`a-${o}-missing`)).toBeUndefined();
  });

  it('issues an order once, changes it only at the revision read, lists orders newest first, and looks at an open one past its deadline', async () => {
    const s = make();
    const o = u();
    await s.issueOrder(order(o, 1), none);
    await s.issueOrder(order(o, 2), none);
    await expect(s.issueOrder(order(o, 1), none)).rejects.toThrow();
    expect(await s.updateOrder({ ...order(o, 1), state: 'answered', response: { text: '已办结', by: 'head', at: '2091-01-04T00:00:00.000Z' } }, 2, none)).toBe(
      false,
    );
    expect(await s.updateOrder({ ...order(o, 1), state: 'answered', response: { text: '已办结', by: 'head', at: '2091-01-04T00:00:00.000Z' } }, 1, none)).toBe(
      true,
    );
    expect(await s.order(order(o, 1).id)).toMatchObject({ state: 'answered', rev: 2 });
    expect((await s.orders({ officeId: o })).map((x) => x.id)).toEqual([order(o, 2).id, order(o, 1).id]);
    expect((await s.orders({ officeId: o, state: 'open' })).map((x) => x.id)).toEqual([order(o, 2).id]);
    expect((await s.orders({ caseId: order(o, 1).caseId })).map((x) => x.id)).toEqual([order(o, 1).id]);
    const mine = async (now: string) => (await s.dueForLook(now)).orders.map((x) => x.id).filter((id) => id.includes(o));
    expect(await mine('2091-01-05T09:59:59.999Z')).toEqual([]);
    expect(await mine('2091-01-05T10:00:00.000Z')).toEqual([order(o, 2).id]);
  });

  it('settles an order with its accountability entry, listed newest first per office; sums the counters of a period over their shards', async () => {
    const s = make();
    const o = u();
    const period = `2091${o}`;
    for (const n of [1, 2]) await s.issueOrder(order(o, n), none);
    for (const n of [1, 2]) {
      const next = { ...order(o, n), state: 'overdue' as const, secondRedAt: `2091-01-0${5 + n}T00:00:00.000Z` };
      const entry = {
        orderId: next.id,
        caseId: next.caseId,
        caseNumber: next.caseNumber,
        itemName: next.itemName,
        officeId: o,
        reason: '督办逾期未反馈',
        at: next.secondRedAt,
      };
      const tallies = [0, 1].map((shard) => ({ period, dim: 'office' as const, key: o, shard, add: { red: 1 } }));
      expect(
        await s.settle(
          settlement([alert(o, n, { card: 'red', trigger: 'order', orderId: next.id })], { order: { expectRev: 1, next }, accountability: entry, tallies }),
        ),
      ).toBe(true);
    }
    expect((await s.accountability(o)).map((e) => e.orderId)).toEqual([order(o, 2).id, order(o, 1).id]);
    expect((await s.accountability()).filter((e) => e.officeId === o).length).toBe(2);
    expect(await s.tallies(period)).toEqual([{ period, dim: 'office', key: o, values: { red: 4 } }]);
    expect(await s.order(order(o, 1).id)).toMatchObject({ state: 'overdue', rev: 2 });
    expect(await s.settle(settlement([], { order: { expectRev: 1, next: order(o, 1) } }))).toBe(false);
  });

  it('stores a digest once per audience and day', async () => {
    const s = make();
    const o = u();
    const d = { audience: `office:${o}`, day: '2091-01-01', at: '2091-01-01T00:30:00.000Z', dueToday: [], overdue: [], openOrders: [], deliveries: {} };
    expect(await s.saveDigest(d, false)).toBe(true);
    expect(await s.saveDigest({ ...d, at: '2091-01-01T00:31:00.000Z' }, false)).toBe(false);
    expect(await s.digest(d.audience, d.day)).toEqual(d);
  });

  it('hands each outbox entry to one relay at a time until its lease passes, whatever was claimed before it, and forgets it once cleared', async () => {
    const s = make();
    const o = u();
    const t0 = '2091-06-01T00:00:00.000Z';
    const lease = '2091-06-01T00:05:00.000Z';
    // everything pending (this test's and the earlier tests') is leased to a first relay
    await s.settle(settlement([alert(o, 1)]));
    await s.saveDigest({ audience: `office:${o}`, day: '2091-06-01', at: t0, dueToday: [], overdue: [], openOrders: [], deliveries: {} }, true);
    const mine = (refs: OutboxRef[]) => refs.map(outboxRefId).filter((id) => id.includes(o));
    const first = await s.claimOutbox(1000, t0, lease);
    expect(mine(first).sort()).toEqual([`alert#${alert(o, 1).id}`, `digest#office:${o}#2091-06-01`]);
    expect(mine(await s.claimOutbox(1000, t0, lease))).toEqual([]);
    // a new entry behind the leased ones is still claimed by a relay taking one
    await s.settle(settlement([alert(o, 2)]));
    expect(mine(await s.claimOutbox(1, t0, lease))).toEqual([`alert#${alert(o, 2).id}`]);
    // the lease passed: claimable again; cleared: gone
    const later = await s.claimOutbox(1000, lease, '2091-06-01T00:10:00.000Z');
    expect(mine(later).length).toBe(3);
    await s.clearOutbox(later);
    expect(await s.claimOutbox(1000, '2091-07-01T00:00:00.000Z', '2091-07-01T00:05:00.000Z')).toEqual([]);
  });
};
