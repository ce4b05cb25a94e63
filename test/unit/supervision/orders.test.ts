import { describe, expect, it } from 'vitest';
import { accountabilityList, issueOrder, listOrders, respondOrder } from '../../../shared/supervision/orders.ts';
import { DEFAULT_ROLE_SCOPES } from '../../../shared/platform/scopes.ts';
import { principal } from '../cases/fixtures.ts';
import { at, CAL, county, HEAD, META, SUPERVISOR } from './fixtures.ts';

const OTHER_HEAD = principal({
  userId: 'u-h2',
  username: 'head.dongpu',
  officeId: '411521-dongpu',
  roles: ['center_head'],
  scopes: [...DEFAULT_ROLE_SCOPES.center_head],
});

const setup = async () => {
  const c = county();
  const k = await c.accept();
  c.setNow(at('2026-11-11'));
  await c.scan(); // red card
  const ports = { store: c.store, cases: c.cases, calendar: async () => ({ cal: CAL }), clock: c.now };
  return { c, k, ports };
};

describe('督办 (supervision orders)', () => {
  it('a supervisor orders the office holding the case, with a deadline in working days; on the timeline and audited', async () => {
    const { c, k, ports } = await setup();
    const o = await issueOrder(ports, SUPERVISOR, { caseId: k.id, requirement: '请说明超期原因并于期限内办结', deadlineWorkdays: 2 }, META);
    // Wednesday 11-11 + 2 working days = Friday 11-13
    expect(o).toMatchObject({ officeId: '411521-lingshan', state: 'open', deadlineDate: '2026-11-13', caseNumber: k.number, issuedBy: 'supervisor' });
    expect(c.store.timeline.at(-1)).toMatchObject({ caseId: k.id, type: 'supervision_order', note: '督办：请说明超期原因并于期限内办结（2026-11-13 前反馈）' });
    expect(c.store.audits.at(-1)).toMatchObject({ action: 'supervision.order.issue', target: { type: 'case', id: k.id } });
    expect((await listOrders(ports, HEAD, {})).orders.map((x) => x.id)).toEqual([o.id]);
    expect((await listOrders(ports, OTHER_HEAD, {})).orders).toEqual([]);
  });

  it('only a supervisor issues, only the addressed office’s head answers', async () => {
    const { k, ports } = await setup();
    await expect(issueOrder(ports, HEAD, { caseId: k.id, requirement: '请说明情况', deadlineWorkdays: 2 }, META)).rejects.toMatchObject({ kind: 'forbidden' });
    const o = await issueOrder(ports, SUPERVISOR, { caseId: k.id, requirement: '请说明情况', deadlineWorkdays: 2 }, META);
    await expect(respondOrder(ports, OTHER_HEAD, { id: o.id, response: '已经处理完毕' }, META)).rejects.toMatchObject({ kind: 'not-found' });
    await expect(respondOrder(ports, SUPERVISOR, { id: o.id, response: '已经处理完毕' }, META)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(
      issueOrder(ports, SUPERVISOR, { caseId: '00000000-0000-4000-8000-000000000999', requirement: '请说明情况', deadlineWorkdays: 2 }, META),
    ).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('answered in time: no second red card, ever', async () => {
    const { c, k, ports } = await setup();
    const o = await issueOrder(ports, SUPERVISOR, { caseId: k.id, requirement: '请说明超期原因', deadlineWorkdays: 2 }, META);
    c.setNow(at('2026-11-12'));
    const r = await respondOrder(ports, HEAD, { id: o.id, response: '材料需上级核验，已于今日办结' }, META);
    expect(r).toMatchObject({ state: 'answered', response: { by: 'head.lingshan' } });
    await expect(respondOrder(ports, HEAD, { id: o.id, response: '再次反馈内容' }, META)).rejects.toMatchObject({ code: 'ORDER_ANSWERED' });
    c.setNow(at('2026-11-20'));
    expect(await c.scan()).toMatchObject({ secondRed: 0 });
    expect((await accountabilityList(ports, SUPERVISOR)).entries).toEqual([]);
  });

  it('a deadline missed raises the second red card once and puts the case on the accountability list', async () => {
    const { c, k, ports } = await setup();
    const o = await issueOrder(ports, SUPERVISOR, { caseId: k.id, requirement: '请说明超期原因', deadlineWorkdays: 2 }, META);
    c.setNow(at('2026-11-13', '23:59'));
    expect(await c.scan()).toMatchObject({ secondRed: 0 });
    c.setNow(at('2026-11-14', '00:00'));
    const runs = await Promise.all([c.scan(), c.scan()]);
    expect(runs.reduce((n, r) => n + r.secondRed, 0)).toBe(1);
    await c.scan();
    const { alerts } = await c.store.alerts({ side: 'county', caseId: k.id, limit: 10 });
    expect(alerts.filter((a) => a.trigger === 'order').map((a) => [a.card, a.orderId, a.reason])).toEqual([
      ['red', o.id, '督办逾期未反馈（反馈期限 2026-11-13）：第二张红牌，已列入问责名单'],
    ]);
    expect((await accountabilityList(ports, SUPERVISOR)).entries).toEqual([
      expect.objectContaining({ orderId: o.id, caseNumber: k.number, officeId: '411521-lingshan' }),
    ]);
    expect((await accountabilityList(ports, HEAD)).entries).toHaveLength(1);
    expect((await accountabilityList(ports, OTHER_HEAD)).entries).toEqual([]);
    expect((await listOrders(ports, SUPERVISOR, { state: 'overdue' })).orders.map((x) => x.id)).toEqual([o.id]);
    expect(c.store.timeline.at(-1)).toMatchObject({ type: 'second_red_card' });
    // answering late is recorded as such, and stays on the list
    expect(await respondOrder(ports, HEAD, { id: o.id, response: '逾期原因：人员不足' }, META)).toMatchObject({ state: 'answered_late' });
    expect((await accountabilityList(ports, SUPERVISOR)).entries).toHaveLength(1);
  });

  it('an answer after the deadline but before the scan still earns the second red card', async () => {
    const { c, k, ports } = await setup();
    const o = await issueOrder(ports, SUPERVISOR, { caseId: k.id, requirement: '请说明超期原因', deadlineWorkdays: 1 }, META);
    c.setNow(at('2026-11-13', '09:00'));
    expect(await respondOrder(ports, HEAD, { id: o.id, response: '昨日已办结，补充反馈' }, META)).toMatchObject({ state: 'answered_late' });
    expect(await c.scan()).toMatchObject({ secondRed: 1 });
    expect(await c.scan()).toMatchObject({ secondRed: 0, looked: 0 });
    expect((await c.store.order(o.id))?.state).toBe('answered_late');
  });
});
