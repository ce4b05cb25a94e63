import { describe, expect, it } from 'vitest';
import { intake } from '../../../shared/cases/intake.ts';
import { lifecycle } from '../../../shared/cases/lifecycle.ts';
import { getCase, listCases } from '../../../shared/cases/queries.ts';
import { lifecycleActionsOf } from '../../../shared/cases/transitions.ts';
import { NotFoundError, RuleError, ValidationError, ConflictError } from '../../../shared/errors/domain-errors.ts';
import { inboxCounts, listInbox, listWork } from '../../../shared/network/inbox.ts';
import { forward, receive, returnCase } from '../../../shared/network/transfer.ts';
import type { Principal } from '../../../shared/identity/principal.ts';
import { application, at, CLERK, DEPT_OFFICE, META, OFFICE, requiredOf, STATION, SUPERVISOR } from '../cases/fixtures.ts';
import { DEPT_CLERK, DIBAO, OTHER_TOWNSHIP_CLERK, THIRD_CLERK, world, type World } from './fixtures.ts';

/** 转报: 灵山镇 takes 低保 in, hands it to 县民政局, which signs, decides and replies; 灵山镇 delivers. */
describe('转报 township → county department → 回复', () => {
  const take = async (w: World, p: Principal = CLERK) =>
    (await intake(w.ports, p, { ...application({ itemCode: DIBAO.code, materialsReceived: requiredOf(DIBAO) }), idempotencyKey: crypto.randomUUID() }, META))
      .case;
  const seenBy = async (w: World, p: Principal, id: string) =>
    getCase(w.ports, p, { id }).then(
      () => true,
      (e: unknown) => (e instanceof NotFoundError ? false : Promise.reject(e)),
    );

  it('goes the whole way; each message delivered three times changes the case once; a third township gets 404 at every stage', async () => {
    const w = world(at('2026-11-02', '09:00'));
    const c = await take(w);
    // intake knows where it goes (the catalog), and the phase to forward is visible
    expect(c.routedTo).toBe(DEPT_OFFICE);
    expect((await getCase(w.ports, CLERK, { id: c.id })).phases).toMatchObject([{ name: 'forward', officeId: OFFICE, late: false }]);
    expect(await seenBy(w, DEPT_CLERK, c.id)).toBe(false);

    const { forwardId } = await forward(w.ports, CLERK, { id: c.id, expectedVersion: 1, toOfficeId: DEPT_OFFICE, reason: '低保由县民政局审批' }, META);
    expect(w.hops.sent).toEqual([expect.objectContaining({ type: 'forward', hopId: forwardId, caseId: c.id, fromOfficeId: OFFICE, toOfficeId: DEPT_OFFICE })]);
    // on its way: the sender can no longer act; the receiver sees it; nobody else does
    await expect(lifecycle.start(w.ports, CLERK, { id: c.id, expectedVersion: 2 }, META)).rejects.toMatchObject({ code: 'IN_TRANSIT' });
    // nor is 开始办理 or 办结 offered to it (the web's buttons come from this rule)
    expect(lifecycleActionsOf((await getCase(w.ports, CLERK, { id: c.id })).case)).toEqual([]);
    expect(await seenBy(w, DEPT_CLERK, c.id)).toBe(true);
    expect(await seenBy(w, THIRD_CLERK, c.id)).toBe(false);

    const commitsBefore = w.store.commits;
    await w.deliver(3);
    expect(w.store.commits).toBe(commitsBefore + 1);
    const inbox = await listInbox(w.ports, DEPT_CLERK, { kind: 'case' });
    expect(inbox.entries).toEqual([
      expect.objectContaining({ caseId: c.id, number: c.number, fromOfficeId: OFFICE, fromOfficeName: '灵山镇', applicantName: '张*丰', late: false }),
    ]);
    expect((await listWork(w.ports, DEPT_CLERK, { view: 'inbox' })).cases).toHaveLength(1);
    expect(await inboxCounts(w.ports, DEPT_CLERK)).toEqual({ counts: { case: 1, task: 0, commission: 0, handback: 0 }, total: 1 });
    expect((await listInbox(w.ports, THIRD_CLERK, { kind: 'case' })).entries).toEqual([]);

    // 签收: the department holds it now, lists it, acts on it; it leaves the inbox
    w.setNow(at('2026-11-02', '10:00'));
    const d1 = await getCase(w.ports, DEPT_CLERK, { id: c.id });
    expect(d1.phases).toMatchObject([{ name: 'receive', officeId: DEPT_OFFICE, late: false }]);
    const received = await receive(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: d1.case.version }, META);
    expect(received).toMatchObject({ handlingOfficeId: DEPT_OFFICE, handedTo: DEPT_OFFICE, transfer: { phase: 'received', receivedBy: 'clerk.mzj' } });
    expect((await listInbox(w.ports, DEPT_CLERK, { kind: 'case' })).entries).toEqual([]);
    expect((await listCases(w.ports, DEPT_CLERK, { view: 'accepted' })).cases.map((x) => x.id)).toEqual([c.id]);
    expect((await listCases(w.ports, CLERK, { view: 'accepted' })).cases).toEqual([]);
    await expect(lifecycle.start(w.ports, CLERK, { id: c.id, expectedVersion: received.version }, META)).rejects.toBeInstanceOf(NotFoundError);
    expect(await seenBy(w, CLERK, c.id)).toBe(true);
    expect(await seenBy(w, THIRD_CLERK, c.id)).toBe(false);

    w.setNow(at('2026-11-02', '11:00'));
    const started = await lifecycle.start(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: received.version }, META);
    const decided = await lifecycle.decide(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: started.version, result: 'approved' }, META);
    expect((await getCase(w.ports, DEPT_CLERK, { id: c.id })).phases).toMatchObject([{ name: 'return', officeId: DEPT_OFFICE }]);
    w.setNow(at('2026-11-02', '14:00'));
    const { returnId } = await returnCase(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: decided.version, note: '经审核符合低保条件，准予纳入' }, META);
    expect(w.hops.sent).toEqual([expect.objectContaining({ type: 'return', hopId: returnId, fromOfficeId: DEPT_OFFICE, toOfficeId: OFFICE })]);
    expect(await seenBy(w, THIRD_CLERK, c.id)).toBe(false);
    const beforeReturn = w.store.commits;
    await w.deliver(3);
    expect(w.store.commits).toBe(beforeReturn + 1);

    // back at 灵山镇, decided: it delivers; the department keeps reading what it decided
    const back = await getCase(w.ports, CLERK, { id: c.id });
    expect(back.case).toMatchObject({ status: 'decided', officeId: OFFICE, handlingOfficeId: OFFICE, transfer: { phase: 'returned' } });
    expect(back.case.handedTo).toBeUndefined();
    expect((await listCases(w.ports, CLERK, { view: 'decided' })).cases.map((x) => x.id)).toEqual([c.id]);
    w.setNow(at('2026-11-02', '15:00'));
    const delivered = await lifecycle.deliver(w.ports, CLERK, { id: c.id, expectedVersion: back.case.version, method: 'pickup', signedBy: '张三丰' }, META);
    expect(delivered.status).toBe('delivered');
    expect(await seenBy(w, DEPT_CLERK, c.id)).toBe(true);
    expect(await seenBy(w, THIRD_CLERK, c.id)).toBe(false);
    expect(await seenBy(w, SUPERVISOR, c.id)).toBe(true);

    const { events } = await getCase(w.ports, CLERK, { id: c.id });
    expect(events.map((e) => e.type)).toEqual(['accepted', 'forwarded', 'received', 'started', 'approved', 'returned', 'delivered']);
    for (const e of events.filter((x) => ['forwarded', 'received', 'returned'].includes(x.type))) {
      expect([e.fromOfficeId, e.toOfficeId].sort()).toEqual([DEPT_OFFICE, OFFICE].sort());
      expect(e.note).toMatch(/灵山镇|县民政局/);
    }
    expect(w.store.audits.map((a) => a.action)).toEqual([
      'case.intake.accepted',
      'case.forward',
      'case.receive',
      'case.start',
      'case.decide',
      'case.return',
      'case.deliver',
    ]);
    // the citizen's promise stays the case's due date, counted where it was taken in
    expect(delivered.dueDate).toBe(c.dueDate);
  });

  it('县域通办: any township may take it in; the reply goes back to that township', async () => {
    const w = world(at('2026-11-02'));
    const c = await take(w, OTHER_TOWNSHIP_CLERK);
    await forward(w.ports, OTHER_TOWNSHIP_CLERK, { id: c.id, expectedVersion: 1, toOfficeId: DEPT_OFFICE, reason: '县域通办' }, META);
    await w.deliver();
    const r = await receive(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: 3 }, META);
    const d = await lifecycle.decide(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: r.version, result: 'refused', reason: '家庭收入超过标准' }, META);
    await returnCase(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: d.version, note: '不符合条件：家庭收入超过标准' }, META);
    await w.deliver();
    expect((await getCase(w.ports, OTHER_TOWNSHIP_CLERK, { id: c.id })).case).toMatchObject({
      handlingOfficeId: OTHER_OFFICE_ID,
      decision: { result: 'refused' },
    });
    expect(await seenBy(w, CLERK, c.id)).toBe(false);
  });

  it('交办 of a whole case county → township is the same path: the township signs, handles and replies', async () => {
    const w = world(at('2026-11-02'));
    const c = (await intake(w.ports, DEPT_CLERK, { ...application(), idempotencyKey: crypto.randomUUID() }, META)).case;
    await forward(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: 1, toOfficeId: OFFICE, reason: '交办灵山镇办理' }, META);
    await w.deliver(3);
    const r = await receive(w.ports, CLERK, { id: c.id, expectedVersion: 3 }, META);
    const d = await lifecycle.decide(w.ports, CLERK, { id: c.id, expectedVersion: r.version, result: 'approved' }, META);
    await returnCase(w.ports, CLERK, { id: c.id, expectedVersion: d.version, note: '已办结' }, META);
    await w.deliver(3);
    expect((await getCase(w.ports, DEPT_CLERK, { id: c.id })).case).toMatchObject({
      handlingOfficeId: DEPT_OFFICE,
      status: 'decided',
      transfer: { phase: 'returned' },
    });
    expect(await seenBy(w, THIRD_CLERK, c.id)).toBe(false);
  });

  it('refuses what the network cannot do, writing nothing', async () => {
    const w = world(at('2026-11-02'));
    const c = await take(w);
    const commits = w.store.commits;
    const bad = (to: string) => forward(w.ports, CLERK, { id: c.id, expectedVersion: 1, toOfficeId: to, reason: '转报' }, META);
    await expect(bad('411521-nowhere')).rejects.toMatchObject({ fields: [{ path: 'toOfficeId' }] });
    await expect(bad(OFFICE)).rejects.toBeInstanceOf(ValidationError);
    await expect(bad(STATION)).rejects.toBeInstanceOf(ValidationError);
    await expect(forward(w.ports, CLERK, { id: c.id, expectedVersion: 9, toOfficeId: DEPT_OFFICE, reason: '转报' }, META)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(forward(w.ports, THIRD_CLERK, { id: c.id, expectedVersion: 1, toOfficeId: DEPT_OFFICE, reason: '转报' }, META)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // nothing sent to the department yet: nothing to sign, nothing to reply
    await expect(receive(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: 1 }, META)).rejects.toBeInstanceOf(NotFoundError);
    await expect(returnCase(w.ports, CLERK, { id: c.id, expectedVersion: 1, note: '退回' }, META)).rejects.toMatchObject({ code: 'NOT_FORWARDED_HERE' });
    expect(w.store.commits).toBe(commits);
    expect(w.hops.sent).toEqual([]);
    // a third township may not sign for what was handed to the department
    await forward(w.ports, CLERK, { id: c.id, expectedVersion: 1, toOfficeId: DEPT_OFFICE, reason: '转报' }, META);
    await w.deliver();
    await expect(receive(w.ports, THIRD_CLERK, { id: c.id, expectedVersion: 3 }, META)).rejects.toBeInstanceOf(NotFoundError);
    await receive(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: 3 }, META);
    await expect(receive(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: 4 }, META)).rejects.toBeInstanceOf(RuleError);
    // the department replies to the township; it does not pass the case on (交办 is for help)
    await expect(forward(w.ports, DEPT_CLERK, { id: c.id, expectedVersion: 4, toOfficeId: '411521-rsj', reason: '再转' }, META)).rejects.toMatchObject({
      code: 'FORWARDED_HERE',
    });
  });

  it('a lost message: the same request on the version shown sends the very same hand-over again, applied once', async () => {
    const w = world(at('2026-11-02'));
    const c = await take(w);
    w.hops.failNext(1);
    await expect(forward(w.ports, CLERK, { id: c.id, expectedVersion: 1, toOfficeId: DEPT_OFFICE, reason: '转报' }, META)).rejects.toThrow('queue unreachable');
    const shown = (await getCase(w.ports, CLERK, { id: c.id })).case;
    expect(shown.transfer).toMatchObject({ phase: 'sent' });
    const again = await forward(w.ports, CLERK, { id: c.id, expectedVersion: shown.version, toOfficeId: DEPT_OFFICE, reason: '转报' }, META);
    expect(again.forwardId).toBe(shown.transfer!.id);
    const again2 = await forward(w.ports, CLERK, { id: c.id, expectedVersion: shown.version, toOfficeId: DEPT_OFFICE, reason: '转报' }, META);
    expect(again2.forwardId).toBe(shown.transfer!.id);
    await w.deliver();
    expect((await listInbox(w.ports, DEPT_CLERK, { kind: 'case' })).entries).toHaveLength(1);
    expect((await getCase(w.ports, CLERK, { id: c.id })).events.filter((e) => e.type === 'forwarded')).toHaveLength(1);
  });

  it('a late 签收 shows on both sides', async () => {
    const w = world(at('2026-11-02', '09:00'));
    const c = await take(w);
    await forward(w.ports, CLERK, { id: c.id, expectedVersion: 1, toOfficeId: DEPT_OFFICE, reason: '转报' }, META);
    await w.deliver();
    // 1 working day to sign: by the end of 11-03; on 11-04 it is late
    w.setNow(at('2026-11-04', '09:00'));
    expect((await listInbox(w.ports, DEPT_CLERK, { kind: 'case' })).entries[0]).toMatchObject({ late: true });
    for (const p of [CLERK, DEPT_CLERK])
      expect((await getCase(w.ports, p, { id: c.id })).phases).toEqual([expect.objectContaining({ name: 'receive', officeId: DEPT_OFFICE, late: true })]);
  });
});

const OTHER_OFFICE_ID = OTHER_TOWNSHIP_CLERK.officeId;
