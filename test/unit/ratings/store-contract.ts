import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { AuditInput } from '../../../shared/audit/audit.ts';
import { RATING_CONFLICT } from '../../../shared/ratings/conflicts.ts';
import type { CounterDim } from '../../../shared/ratings/counters.ts';
import type { Rating, RectificationTask } from '../../../shared/ratings/model.ts';
import type { RatingStore, RatingWrite } from '../../../shared/ratings/ports.ts';

/**
 * The RatingStore contract: run on the memory fake (unit) and on DynamoDB Local (integration).
 * Every test takes its own cases, offices and months, so it holds on a table other tests share.
 */
export const ratingStoreContract = (make: () => RatingStore): void => {
  const audit: AuditInput = { actor: { anonymous: 'contract' }, action: 'rating.public', result: 'success', sourceIp: '', userAgent: 'vitest' };
  const fresh = () => {
    const u = randomUUID().slice(0, 8);
    return { u, office: `office-${u}`, month: `2091-${u}` };
  };
  const rating = (caseId: string, officeId: string, month: string, at: string, over: Partial<Rating> = {}): Rating => ({
    caseId,
    number: `N-${caseId}`,
    countyCode: '411521',
    itemCode: 'LS-01-001',
    itemName: '居民身份证核发',
    officeId,
    acceptedBy: officeId,
    staff: 'clerk',
    applicantType: 'person',
    level: 1,
    reason: '服务态度不好',
    channel: 'qr',
    at,
    month,
    ...over,
  });
  const task = (caseId: string, officeId: string, month: string, ratedAt: string, over: Partial<RectificationTask> = {}): RectificationTask => ({
    caseId,
    number: `N-${caseId}`,
    itemName: '居民身份证核发',
    officeId,
    month,
    ratedAt,
    level: 1,
    reason: '服务态度不好',
    channel: 'qr',
    callbackDueDate: '2091-01-02',
    callbackDueAt: '2091-01-02T15:59:59.999Z',
    rectifyDueDate: '2091-01-20',
    rectifyDueAt: '2091-01-20T15:59:59.999Z',
    provisional: false,
    status: 'open',
    createdAt: ratedAt,
    version: 1,
    ...over,
  });
  const conflict = async (p: Promise<unknown>, code: string) => {
    const e = await p.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e, `a ConflictError ${code}`).toMatchObject({ code });
  };
  const commit = (s: RatingStore, ...writes: RatingWrite[]) => s.commit(writes, [audit]);

  it('reads nothing for a case, window or document never written', async () => {
    const s = make();
    const { u } = fresh();
    expect(await s.rating(`case-${u}`)).toBeUndefined();
    expect(await s.task(`case-${u}`)).toBeUndefined();
    expect(await s.evaluator(`window-${u}`)).toBeUndefined();
    expect(await s.disclosure(`doc-${u}`)).toBeUndefined();
    expect(await s.counters(`2091-${u}`)).toEqual([]);
  });

  it('keeps one rating per case: a second is refused and nothing of its commit is written', async () => {
    const s = make();
    const { u, office, month } = fresh();
    const r = rating(`case-${u}`, office, month, '2091-01-01T02:00:00.000Z');
    await commit(s, { op: 'create-rating', rating: r }, { op: 'count', month, dims: [{ kind: 'office', officeId: office }], add: { count: 1, l1: 1 } });
    expect(await s.rating(r.caseId)).toEqual(r);
    await conflict(
      commit(
        s,
        { op: 'count', month, dims: [{ kind: 'office', officeId: office }], add: { count: 1, l5: 1 } },
        { op: 'create-rating', rating: { ...r, level: 5 } },
      ),
      RATING_CONFLICT.exists,
    );
    expect((await s.rating(r.caseId))!.level).toBe(1);
    expect((await s.counters(month))[0]!.counts).toMatchObject({ count: 1, l1: 1, l5: 0 });
  });

  it('takes one follow-up; none to a missing or voided rating; a rating is voided once', async () => {
    const s = make();
    const { u, office, month } = fresh();
    const r = rating(`case-${u}`, office, month, '2091-01-01T02:00:00.000Z');
    await conflict(commit(s, { op: 'follow-up', caseId: r.caseId, followUp: { text: '补充', at: '2091-01-02T00:00:00.000Z' } }), RATING_CONFLICT.followUpTaken);
    await commit(s, { op: 'create-rating', rating: r });
    await commit(s, { op: 'follow-up', caseId: r.caseId, followUp: { text: '补充', level: 4, at: '2091-01-02T00:00:00.000Z' } });
    await conflict(
      commit(s, { op: 'follow-up', caseId: r.caseId, followUp: { text: '再补充', at: '2091-01-03T00:00:00.000Z' } }),
      RATING_CONFLICT.followUpTaken,
    );
    expect((await s.rating(r.caseId))!.followUp).toEqual({ text: '补充', level: 4, at: '2091-01-02T00:00:00.000Z' });

    const r2 = rating(`case2-${u}`, office, month, '2091-01-01T03:00:00.000Z');
    await conflict(
      commit(s, { op: 'void-rating', caseId: r2.caseId, voided: { at: '2091-01-05T00:00:00.000Z', by: 'sup', reason: '恶意' } }),
      RATING_CONFLICT.alreadyVoided,
    );
    await commit(s, { op: 'create-rating', rating: r2 });
    await commit(s, { op: 'void-rating', caseId: r2.caseId, voided: { at: '2091-01-05T00:00:00.000Z', by: 'sup', reason: '恶意' } });
    await conflict(
      commit(s, { op: 'void-rating', caseId: r2.caseId, voided: { at: '2091-01-06T00:00:00.000Z', by: 'sup', reason: '再撤' } }),
      RATING_CONFLICT.alreadyVoided,
    );
    await conflict(
      commit(s, { op: 'follow-up', caseId: r2.caseId, followUp: { text: '补充', at: '2091-01-07T00:00:00.000Z' } }),
      RATING_CONFLICT.followUpTaken,
    );
    expect((await s.rating(r2.caseId))!.voided).toEqual({ at: '2091-01-05T00:00:00.000Z', by: 'sup', reason: '恶意' });
  });

  it('puts a task once and replaces it only at the version read', async () => {
    const s = make();
    const { u, office, month } = fresh();
    const t = task(`case-${u}`, office, month, '2091-01-01T02:00:00.000Z');
    await commit(s, { op: 'put-task', task: t });
    await conflict(commit(s, { op: 'put-task', task: { ...t, reason: '又一条' } }), RATING_CONFLICT.staleTask);
    const called = {
      ...t,
      callback: { calledAt: '2091-01-02T01:00:00.000Z', by: 'head', note: '已联系', reached: true, at: '2091-01-02T01:00:00.000Z' },
      version: 2,
    };
    await commit(s, { op: 'update-task', task: called, expectedVersion: 1 });
    await conflict(commit(s, { op: 'update-task', task: { ...t, version: 2 }, expectedVersion: 1 }), RATING_CONFLICT.staleTask);
    expect(await s.task(t.caseId)).toEqual(called);
  });

  it("lists an office's ratings of a month oldest first, narrowed to an instant range whose end day is whole", async () => {
    const s = make();
    const { u, office, month } = fresh();
    for (const [c, at] of [
      ['c', '2091-01-03T09:00:00.000Z'],
      ['a', '2091-01-01T09:00:00.000Z'],
      ['b', '2091-01-02T23:59:59.000Z'],
    ] as const)
      await commit(s, { op: 'create-rating', rating: rating(`${c}-${u}`, office, month, at) });
    await commit(s, { op: 'create-rating', rating: rating(`x-${u}`, `${office}-other`, month, '2091-01-01T10:00:00.000Z') });
    await commit(s, { op: 'create-rating', rating: rating(`y-${u}`, office, `${month}-next`, '2091-01-01T10:00:00.000Z') });
    expect((await s.ratingsOfOffice(office, month)).map((r) => r.caseId)).toEqual([`a-${u}`, `b-${u}`, `c-${u}`]);
    expect((await s.ratingsOfOffice(office, month, { from: '2091-01-02', to: '2091-01-02' })).map((r) => r.caseId)).toEqual([`b-${u}`]);
    expect((await s.ratingsOfOffice(office, month, { from: '2091-01-01T09:00:00.000Z', to: '2091-01-03' })).map((r) => r.caseId)).toEqual([
      `a-${u}`,
      `b-${u}`,
      `c-${u}`,
    ]);
  });

  it('lists open tasks oldest first (one office or all), and a closed task under its office and month instead, oldest first', async () => {
    const s = make();
    const { u, office, month } = fresh();
    const other = `${office}-b`;
    const t1 = task(`t1-${u}`, office, month, '2091-01-03T00:00:00.000Z');
    const t2 = task(`t2-${u}`, other, month, '2091-01-01T00:00:00.000Z');
    const t3 = task(`t3-${u}`, office, month, '2091-01-02T00:00:00.000Z', { status: 'appealed' });
    for (const t of [t1, t2, t3]) await commit(s, { op: 'put-task', task: t });
    const mine = (ts: RectificationTask[]) => ts.map((t) => t.caseId).filter((id) => id.endsWith(u));
    expect(mine(await s.openTasks())).toEqual([t2.caseId, t3.caseId, t1.caseId]);
    expect(mine(await s.openTasks(office))).toEqual([t3.caseId, t1.caseId]);

    await commit(s, { op: 'update-task', task: { ...t1, status: 'rectified', closedAt: '2091-01-10T00:00:00.000Z', version: 2 }, expectedVersion: 1 });
    await commit(s, { op: 'update-task', task: { ...t3, status: 'voided', closedAt: '2091-01-11T00:00:00.000Z', version: 2 }, expectedVersion: 1 });
    expect(mine(await s.openTasks(office))).toEqual([]);
    expect(mine(await s.closedTasks(office, month))).toEqual([t3.caseId, t1.caseId]);
    expect(await s.closedTasks(other, month)).toEqual([]);
    expect(await s.closedTasks(office, `${month}-next`)).toEqual([]);
  });

  it('adds to the counters of each dimension (and takes away), one row each, in dimension order, with the item name last written', async () => {
    const s = make();
    const { office, month } = fresh();
    const item: CounterDim = { kind: 'item', officeId: office, itemCode: 'LS-01-001', itemName: '旧名' };
    const dims: CounterDim[] = [{ kind: 'staff', officeId: office, staff: 'clerk' }, item, { kind: 'office', officeId: office }, { kind: 'county' }];
    await commit(s, { op: 'count', month, dims, add: { count: 1, bad: 1, l1: 1, tasks: 1 } });
    await commit(s, { op: 'count', month, dims: [item], add: { count: 1, l5: 1, satisfied: 1 } });
    const renamed = dims.map((d) => (d.kind === 'item' ? { ...d, itemName: '新名' } : d));
    await commit(s, { op: 'count', month, dims: renamed, add: { bad: -1, l1: -1, l2: 1 } });
    const rows = await s.counters(month);
    expect(rows.map((r) => r.kind)).toEqual(['county', 'item', 'office', 'staff']);
    expect(rows.find((r) => r.kind === 'item')).toEqual({
      ...item,
      itemName: '新名',
      counts: { count: 2, satisfied: 1, bad: 0, l1: 0, l2: 1, l3: 0, l4: 0, l5: 1, tasks: 1, callbacks: 0, rectified: 0 },
    });
    expect(rows.find((r) => r.kind === 'county')!.counts).toMatchObject({ count: 1, bad: 0, l1: 0, l2: 1, tasks: 1 });
    expect(await s.counters(`${month}-next`)).toEqual([]);
  });

  it("replaces what a window's evaluator shows and a disclosure document", async () => {
    const s = make();
    const { u } = fresh();
    const push = { windowId: `w-${u}`, caseId: `a-${u}`, number: 'N-1', itemName: '事项', pushedAt: '2091-01-01T00:00:00.000Z', pushedBy: 'clerk' };
    await commit(s, { op: 'push-evaluator', push });
    await commit(s, { op: 'push-evaluator', push: { ...push, caseId: `b-${u}`, others: [{ caseId: `c-${u}`, number: 'N-2', itemName: '另一事项' }] } });
    expect(await s.evaluator(push.windowId)).toEqual({ ...push, caseId: `b-${u}`, others: [{ caseId: `c-${u}`, number: 'N-2', itemName: '另一事项' }] });
    await commit(s, { op: 'put-disclosure', doc: { key: `doc-${u}`, publishedAt: '2091-01-01T00:00:00.000Z', body: { rows: [1] } } });
    await commit(s, { op: 'put-disclosure', doc: { key: `doc-${u}`, publishedAt: '2091-01-02T00:00:00.000Z', body: { rows: [1, 2] } } });
    expect(await s.disclosure(`doc-${u}`)).toEqual({ key: `doc-${u}`, publishedAt: '2091-01-02T00:00:00.000Z', body: { rows: [1, 2] } });
  });

  it('writes an outbox entry once: the same entry again refuses the whole commit as a rating already recorded', async () => {
    const s = make();
    const { u, office, month } = fresh();
    const entry = { topic: 'exchange' as const, subject: `case-${u}`, id: `rated-${u}`, at: '2091-01-01T02:00:00.000Z', payload: { stage: 'rated' } };
    await commit(s, { op: 'create-rating', rating: rating(`case-${u}`, office, month, '2091-01-01T02:00:00.000Z') }, { op: 'outbox', entry });
    await conflict(
      commit(s, { op: 'put-task', task: task(`case-${u}`, office, month, '2091-01-01T02:00:00.000Z') }, { op: 'outbox', entry }),
      RATING_CONFLICT.exists,
    );
    expect(await s.task(`case-${u}`)).toBeUndefined();
  });
};
