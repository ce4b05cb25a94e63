import { bjEndOfDay } from '../../../shared/platform/beijing-time.ts';
import { expect, it } from 'vitest';

import type { CaseRecord, CaseStatus } from '../../../shared/cases/model.ts';
import type { CaseWrite } from '../../../shared/cases/ports.ts';
import type { InboxEntry } from '../../../shared/cases/hops.ts';
import type { RectificationTask } from '../../../shared/ratings/model.ts';
import type { Order } from '../../../shared/supervision/order.ts';
import type { TodoSources } from '../../../shared/todos/ports.ts';
import type { TodoStores } from '../../../shared/todos/sources.ts';
import type { RatingStore } from '../../../shared/ratings/ports.ts';
import type { CaseStore } from '../../../shared/cases/ports.ts';
import type { OrderStore } from '../../../shared/supervision/ports.ts';
import type { HallStore } from '../../../shared/hall/ports.ts';
import type { StoredHomeVisit } from '../../../shared/hall/model.ts';
import { at, caseIn } from '../cases/fixtures.ts';

/** The stores a world writes through (to seed) and the to-do sources built over them. */
export interface SourcesWorld {
  stores: TodoStores & { cases: CaseStore; orders: OrderStore; ratings: RatingStore; hall: HallStore };
  sources: TodoSources;
}

/**
 * What the to-do list's sources must return, run over the memory stores (unit) and DynamoDB Local
 * (integration): each read is bounded, newest first where a list is, and only of the office asked.
 * Every test uses offices of its own, so tests sharing one table do not see each other.
 */
export const todoSourcesContract = (make: () => SourcesWorld): void => {
  const uid = () => crypto.randomUUID();
  const office = () => `411521-t${uid().slice(0, 8)}`;
  const fresh = (status: CaseStatus, officeId: string, over: Partial<CaseRecord> = {}): CaseRecord => {
    const id = uid();
    return caseIn(status, { id, number: `411521-20261102-${id.slice(0, 8)}`, officeId, version: 1, ...over });
  };
  const create = (c: CaseRecord): CaseWrite => ({
    op: 'create',
    case: c,
    applicantHash: 'h',
    idempotency: { key: uid(), bodyHash: 'b', expiresAt: at('2026-11-03') },
  });
  const entry = (officeId: string, kind: InboxEntry['kind'], sentAt: string): InboxEntry => ({
    officeId,
    kind,
    refId: uid(),
    sentAt,
    dueAt: bjEndOfDay('2026-11-03'),
    fromOfficeId: '411521-from',
    caseId: uid(),
    number: `411521-20261102-${sentAt.slice(11, 13)}`,
    itemName: '测试',
    applicantName: '张*',
  });

  it('waiting: the entries of one office and kind, newest first, at most the limit', async () => {
    const { stores, sources } = make();
    const o = office();
    const older = entry(o, 'case', at('2026-11-02', '09:00').toISOString());
    const newer = entry(o, 'case', at('2026-11-02', '11:00').toISOString());
    await stores.cases.commit(
      [older, newer, entry(o, 'commission', at('2026-11-02', '10:00').toISOString()), entry(office(), 'case', at('2026-11-02', '10:00').toISOString())].map(
        (e) => ({ op: 'inbox-put' as const, entry: e }),
      ),
      [],
    );
    expect((await sources.waiting(o, 'case', 10)).map((e) => e.refId)).toEqual([newer.refId, older.refId]);
    expect((await sources.waiting(o, 'case', 1)).map((e) => e.refId)).toEqual([newer.refId]);
    expect(await sources.waiting(o, 'task', 10)).toEqual([]);
  });

  it('held: the cases an office holds in a status, newest first, at most the limit', async () => {
    const { stores, sources } = make();
    const o = office();
    const a = fresh('awaiting_supplement', o, { createdAt: at('2026-11-02', '09:00').toISOString() });
    const b = fresh('awaiting_supplement', o, { createdAt: at('2026-11-02', '11:00').toISOString() });
    const elsewhere = fresh('awaiting_supplement', office());
    const accepted = fresh('accepted', o);
    for (const c of [a, b, elsewhere, accepted]) await stores.cases.commit([create(c)], []);
    expect((await sources.held(o, 'awaiting_supplement', 10)).map((c) => c.id)).toEqual([b.id, a.id]);
    expect((await sources.held(o, 'awaiting_supplement', 1)).map((c) => c.id)).toEqual([b.id]);
    expect((await sources.held(o, 'accepted', 10)).map((c) => c.id)).toEqual([accepted.id]);
    expect(await sources.held(o, 'decided', 10)).toEqual([]);
  });

  it('dueBy: open cases of or handed to the office due by the horizon, soonest first', async () => {
    const { stores, sources } = make();
    const o = office();
    const soon = fresh('accepted', o, { dueDate: '2026-11-10', dueAt: bjEndOfDay('2026-11-10') });
    const handed = fresh('in_progress', office(), { handedTo: o, handlingOfficeId: o, dueDate: '2026-11-09', dueAt: bjEndOfDay('2026-11-09') });
    const later = fresh('accepted', o, { dueDate: '2026-11-20', dueAt: bjEndOfDay('2026-11-20') });
    const suspended = fresh('suspended', o, { dueDate: '2026-11-09', dueAt: bjEndOfDay('2026-11-09') });
    for (const c of [soon, handed, later, suspended]) await stores.cases.commit([create(c)], []);
    expect((await sources.dueBy(o, bjEndOfDay('2026-11-10'))).map((c) => c.id)).toEqual([handed.id, soon.id]);
  });

  it('unansweredOrders: open and overdue 督办单 of the office (or county-wide), never the answered', async () => {
    const { stores, sources } = make();
    const o = office();
    const order = (state: Order['state']): Order => ({
      id: uid(),
      caseId: uid(),
      caseNumber: '411521-20261102-0001',
      itemCode: 'T',
      itemName: '测试',
      caseStaff: 'clerk',
      officeId: o,
      requirement: '请尽快办结',
      deadlineWorkdays: 2,
      deadlineDate: '2026-11-04',
      deadlineAt: bjEndOfDay('2026-11-04'),
      issuedBy: 'supervisor',
      issuedAt: at('2026-11-02').toISOString(),
      state: 'open',
      rev: 1,
      ...(state === 'open' ? {} : { state }),
    });
    const none = { events: [], tallies: [], audits: [] };
    const open = order('open');
    const overdue = order('open');
    const answered = order('open');
    for (const x of [open, overdue, answered]) await stores.orders.issueOrder(x, none);
    await stores.orders.updateOrder({ ...overdue, state: 'overdue', rev: 2 }, 1, none);
    await stores.orders.updateOrder(
      { ...answered, state: 'answered', response: { text: '已办', by: 'head', at: at('2026-11-03').toISOString() }, rev: 2 },
      1,
      none,
    );
    expect((await sources.unansweredOrders(o)).map((x) => x.id).sort()).toEqual([open.id, overdue.id].sort());
    expect(await sources.unansweredOrders(office())).toEqual([]);
    const county = (await sources.unansweredOrders(undefined)).map((x) => x.id);
    expect(county).toEqual(expect.arrayContaining([open.id, overdue.id]));
    expect(county).not.toContain(answered.id);
  });

  it('openRatingTasks: the open and appealed 差评 tasks of the office, never the closed', async () => {
    const { stores, sources } = make();
    const o = office();
    const task = (status: RectificationTask['status']): RectificationTask => ({
      caseId: uid(),
      number: '411521-20261102-0002',
      itemName: '测试',
      officeId: o,
      month: '2026-11',
      ratedAt: at('2026-11-02').toISOString(),
      level: 1,
      reason: '态度差',
      channel: 'web',
      callbackDueDate: '2026-11-03',
      callbackDueAt: bjEndOfDay('2026-11-03'),
      rectifyDueDate: '2026-11-23',
      rectifyDueAt: bjEndOfDay('2026-11-23'),
      provisional: false,
      status,
      createdAt: at('2026-11-02').toISOString(),
      version: 1,
    });
    const open = task('open');
    const appealed = task('appealed');
    const done = task('rectified');
    await stores.ratings.commit(
      [open, appealed, done].map((t) => ({ op: 'put-task' as const, task: t })),
      [],
    );
    expect((await sources.openRatingTasks(o)).map((t) => t.caseId).sort()).toEqual([open.caseId, appealed.caseId].sort());
    expect(await sources.openRatingTasks(office())).toEqual([]);
  });

  it("H10: a village station's open home visits by date, bounded; a closed one and another station's never", async () => {
    const { stores, sources } = make();
    const station = `${office()}-v`;
    const visit = (date: string, over: Partial<StoredHomeVisit> = {}): StoredHomeVisit => ({
      id: uid(),
      stationId: station,
      stationName: '示例村',
      reason: 'elderly',
      name: '李*',
      phone: '138****2222',
      address: '一组 12 号',
      need: '养老保险资格认证',
      date,
      status: 'open',
      createdAt: at('2026-11-02').toISOString(),
      createdBy: '窗口',
      officeId: '411521-lingshan',
      sealed: { ek: 'x', iv: 'x', ct: 'x', tag: 'x' },
      ...over,
    });
    const audit = { actor: { anonymous: 't' }, action: 'hall.home-visit.request' as const, result: 'success' as const, sourceIp: 't', userAgent: 't' };
    const later = visit('2026-11-05');
    const sooner = visit('2026-11-03');
    const closed = visit('2026-11-04');
    for (const v of [later, sooner, closed]) await stores.hall.putHomeVisit(v, audit);
    await stores.hall.putHomeVisit(visit('2026-11-03', { stationId: `${station}x` }), audit);
    await stores.hall.finishHomeVisit(closed, { at: at('2026-11-04').toISOString(), by: '代办员', result: '已办' }, audit);
    expect((await sources.openHomeVisits(station, 10)).map((v) => v.id)).toEqual([sooner.id, later.id]);
    expect(await sources.openHomeVisits(station, 1)).toHaveLength(1);
    expect(await stores.hall.homeVisit(closed.id)).toMatchObject({ status: 'done', result: '已办', doneBy: '代办员' });
  });
};
