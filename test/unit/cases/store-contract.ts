import { bjEndOfDay } from '../../../shared/platform/beijing-time.ts';
import { expect, it } from 'vitest';

import { ConflictError, NotFoundError } from '../../../shared/errors/domain-errors.ts';
import type { CaseRecord, CaseStatus } from '../../../shared/cases/model.ts';
import type { AuditInput } from '../../../shared/audit/audit.ts';
import type { CaseStore, CaseWrite } from '../../../shared/cases/ports.ts';
import { at, caseIn } from './fixtures.ts';

/**
 * What every CaseStore must do, run against the in-memory fake (unit) and DynamoDB Local
 * (integration): the fake is only worth its tests if it refuses what DynamoDB refuses.
 */
export const caseStoreContract = (store: () => CaseStore): void => {
  const uid = () => crypto.randomUUID();
  /** A case in its own office, so tests sharing one table do not see each other. */
  const fresh = (status: CaseStatus = 'accepted', over: Partial<CaseRecord> = {}): CaseRecord => {
    const id = uid();
    return caseIn(status, { id, number: `411521-20261102-${id.slice(0, 8)}`, officeId: `411521-o${id.slice(0, 8)}`, version: 1, ...over });
  };
  const audit = (c: CaseRecord): AuditInput => ({
    actor: { userId: 'u', username: 'clerk', officeId: c.officeId },
    action: 'case.start',
    target: { type: 'case', id: c.id },
    result: 'success',
    sourceIp: '127.0.0.1',
    userAgent: 'vitest',
  });
  const create = (c: CaseRecord, key = uid(), hash = 'h-1'): CaseWrite => ({
    op: 'create',
    case: c,
    applicantHash: hash,
    idempotency: { key, bodyHash: 'b-1', expiresAt: new Date('2026-11-03T00:00:00Z') },
  });
  const event = (c: CaseRecord, type: string, version = c.version, atIso = c.createdAt): CaseWrite => ({
    op: 'event',
    caseId: c.id,
    version,
    event: { at: atIso, type, by: 'clerk' },
  });
  const conflictCode = (e: unknown) => (e instanceof ConflictError ? e.code : e instanceof NotFoundError ? 'NOT_FOUND' : String(e));

  it('create: the case reads back by id (with its applicant hash) and by number; the key is recorded', async () => {
    const s = store();
    const c = fresh();
    const key = uid();
    await s.commit([create(c, key, 'hash-x'), event(c, 'accepted'), { op: 'count', officeId: c.officeId, day: '2026-11-02', add: { taken: 1 } }], [audit(c)]);
    expect(await s.get(c.id)).toEqual({ record: c, applicantHash: 'hash-x' });
    expect(await s.byNumber(c.number)).toEqual(c);
    expect(await s.idempotency(key)).toEqual({ caseId: c.id, bodyHash: 'b-1' });
    expect(await s.events(c.id)).toEqual([{ at: c.createdAt, type: 'accepted', by: 'clerk' }]);
    expect(await s.get(uid())).toBeUndefined();
    expect(await s.byNumber('411521-20000101-0000')).toBeUndefined();
    expect(await s.idempotency(uid())).toBeUndefined();
  });

  it('create with a used key: IDEMPOTENCY_KEY_TAKEN, nothing of that commit written', async () => {
    const s = store();
    const key = uid();
    const first = fresh();
    await s.commit([create(first, key)], []);
    const second = fresh();
    const err = await s.commit([create(second, key), event(second, 'accepted')], [audit(second)]).catch((e) => e);
    expect(conflictCode(err)).toBe('IDEMPOTENCY_KEY_TAKEN');
    expect(await s.get(second.id)).toBeUndefined();
    expect(await s.events(second.id)).toEqual([]);
    expect(await s.idempotency(key)).toEqual({ caseId: first.id, bodyHash: 'b-1' });
  });

  it('update: only from the expected version; a stale one is STALE_VERSION and writes nothing', async () => {
    const s = store();
    const c = fresh();
    await s.commit([create(c)], []);
    const v2 = { ...c, status: 'in_progress' as const, version: 2 };
    await s.commit([{ op: 'update', case: v2, expectedVersion: 1, applicantHash: 'h-1' }, event(v2, 'started')], [audit(c)]);
    expect(await s.get(c.id)).toEqual({ record: v2, applicantHash: 'h-1' });
    const stale = { ...c, status: 'withdrawn' as const, version: 2 };
    const err = await s
      .commit([{ op: 'update', case: stale, expectedVersion: 1 }, event(stale, 'withdrawn', 2, at('2026-11-03').toISOString())], [audit(c)])
      .catch((e) => e);
    expect(conflictCode(err)).toBe('STALE_VERSION');
    expect((err as ConflictError).message).toBe('办件已被他人更新，请刷新后再操作');
    expect((await s.get(c.id))?.record).toEqual(v2);
    expect((await s.events(c.id)).map((e) => e.type)).toEqual(['started']);
  });

  it('events at one instant are kept apart by version, in order', async () => {
    const s = store();
    const c = fresh();
    await s.commit([create(c), event(c, 'accepted', 1), event(c, 'note', 2)], []);
    expect((await s.events(c.id)).map((e) => e.type)).toEqual(['accepted', 'note']);
    // the same event twice is refused
    await expect(s.commit([event(c, 'again', 1)], [])).rejects.toBeInstanceOf(ConflictError);
  });

  it('open by due: running cases with a due instant up to the horizon, of the office or handed to it; leaving when decided', async () => {
    const s = store();
    const office = `411521-o${uid().slice(0, 8)}`;
    const soon = fresh('accepted', { officeId: office, dueDate: '2026-11-05', dueAt: bjEndOfDay('2026-11-05') });
    const later = fresh('in_progress', { officeId: office, dueDate: '2026-11-20', dueAt: bjEndOfDay('2026-11-20') });
    const suspended = fresh('suspended', { officeId: office, dueDate: '2026-11-04', dueAt: bjEndOfDay('2026-11-04') });
    const handed = fresh('accepted', { handedTo: office, dueDate: '2026-11-04', dueAt: bjEndOfDay('2026-11-04') });
    await s.commit([create(soon), create(later), create(suspended), create(handed)], []);
    expect((await s.openDueBy(office, bjEndOfDay('2026-11-10'))).map((c) => c.id)).toEqual([handed.id, soon.id]);
    expect((await s.openDueBy(office, bjEndOfDay('2026-11-05'))).map((c) => c.id)).toEqual([handed.id, soon.id]);
    expect((await s.openDueBy(office, bjEndOfDay('2026-11-04'))).map((c) => c.id)).toEqual([handed.id]);
    await s.commit([{ op: 'update', case: { ...soon, status: 'decided', version: 2 }, expectedVersion: 1 }], []);
    expect((await s.openDueBy(office, bjEndOfDay('2026-12-31'))).map((c) => c.id)).toEqual([handed.id, later.id]);
  });

  it('cases of an office by status: newest first, paged with a cursor', async () => {
    const s = store();
    const office = `411521-o${uid().slice(0, 8)}`;
    const all = [9, 10, 11, 12, 13].map((h) =>
      fresh('accepted', { officeId: office, acceptedAt: at('2026-11-02', `${String(h).padStart(2, '0')}:00`).toISOString() }),
    );
    await s.commit(
      all.map((c) => create(c)),
      [],
    );
    await s.commit([create(fresh('in_progress', { officeId: office }))], []);
    const p1 = await s.ofOffice(office, 'accepted', { limit: 2 });
    const p2 = await s.ofOffice(office, 'accepted', { limit: 2, cursor: p1.cursor! });
    const p3 = await s.ofOffice(office, 'accepted', { limit: 2, cursor: p2.cursor! });
    expect([...p1.cases, ...p2.cases, ...p3.cases].map((c) => c.id)).toEqual(all.map((c) => c.id).reverse());
    const rest = await s.ofOffice(office, 'accepted', { limit: 5 });
    expect(rest.cases).toHaveLength(5);
    // a status change moves it to the other list
    await s.commit([{ op: 'update', case: { ...all[0]!, status: 'in_progress', version: 2 }, expectedVersion: 1 }], []);
    expect((await s.ofOffice(office, 'in_progress')).cases).toHaveLength(2);
    expect((await s.ofOffice(office, 'accepted')).cases).toHaveLength(4);
  });

  it('every case of an office (全部): all statuses merged newest first, paged with a cursor, nothing of another office', async () => {
    const s = store();
    const office = `411521-o${uid().slice(0, 8)}`;
    const statuses: CaseStatus[] = ['accepted', 'not_accepted', 'in_progress', 'decided', 'accepted', 'awaiting_supplement', 'not_accepted'];
    const mine = statuses.map((st, h) => fresh(st, { officeId: office, acceptedAt: at('2026-11-02', `${String(8 + h).padStart(2, '0')}:00`).toISOString() }));
    await s.commit(
      mine.map((c) => create(c)),
      [],
    );
    await s.commit([create(fresh('accepted'))], []);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 4; i++) {
      const page = await s.allOfOffice(office, { limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.cases.map((c) => c.id));
      cursor = page.cursor;
      // the list route takes a cursor of at most 2,000 characters
      expect(cursor?.length ?? 0).toBeLessThanOrEqual(1000);
      if (!cursor) break;
    }
    expect(cursor).toBeUndefined();
    expect(seen).toEqual(mine.map((c) => c.id).reverse());
    expect((await s.allOfOffice(office, { limit: 7 })).cursor).toBeUndefined();
  });

  it('hop-event: a hop lands once (its event keyed by the message id names both offices); again is HAND_OVER_APPLIED', async () => {
    const s = store();
    const c = fresh();
    await s.commit([create(c)], []);
    const hopId = uid();
    const landing = (version: number): CaseWrite[] => [
      { op: 'update', case: { ...c, handedTo: '411521-mzj', version: version + 1 }, expectedVersion: version },
      {
        op: 'hop-event',
        caseId: c.id,
        hopId,
        event: { at: at('2026-11-03').toISOString(), type: 'forwarded', by: 'clerk', fromOfficeId: c.officeId, toOfficeId: '411521-mzj', note: '转报' },
      },
    ];
    await s.commit(landing(1), []);
    expect((await s.get(c.id))?.record).toMatchObject({ handedTo: '411521-mzj', version: 2 });
    expect(await s.events(c.id)).toEqual([
      { at: at('2026-11-03').toISOString(), type: 'forwarded', by: 'clerk', fromOfficeId: c.officeId, toOfficeId: '411521-mzj', note: '转报' },
    ]);
    expect(conflictCode(await s.commit(landing(2), []).catch((e) => e))).toBe('HAND_OVER_APPLIED');
    expect((await s.get(c.id))?.record.version).toBe(2);
  });

  it('inbox: entries of an office by kind, newest first, paged; counted by kind; deleted when signed', async () => {
    const s = store();
    const office = `411521-i${uid().slice(0, 8)}`;
    const entry = (kind: 'case' | 'task', hh: string) => ({
      officeId: office,
      kind,
      refId: uid(),
      sentAt: at('2026-11-03', hh).toISOString(),
      dueAt: bjEndOfDay('2026-11-04'),
      fromOfficeId: '411521-lingshan',
      caseId: uid(),
      number: `411521-20261103-${hh.slice(0, 2)}00`,
      itemName: '测试',
      applicantName: '张*丰',
    });
    const cases = ['09:00', '10:00', '11:00'].map((h) => entry('case', h));
    const task = entry('task', '12:00');
    await s.commit(
      [...cases, task].map((e) => ({ op: 'inbox-put' as const, entry: e })),
      [],
    );
    const p1 = await s.inbox(office, 'case', { limit: 2 });
    const p2 = await s.inbox(office, 'case', { limit: 2, cursor: p1.cursor! });
    expect([...p1.entries, ...p2.entries].map((e) => e.refId)).toEqual(cases.map((e) => e.refId).reverse());
    expect(p2.cursor).toBeUndefined();
    expect(p1.entries[0]).toEqual(cases[2]);
    expect(await s.inboxCounts(office)).toEqual({ case: 3, task: 1, commission: 0, handback: 0 });
    await s.commit(
      [
        { op: 'inbox-delete', entry: cases[0]! },
        { op: 'inbox-delete', entry: { ...cases[0]!, refId: uid() } },
      ],
      [],
    );
    expect(await s.inboxCounts(office)).toEqual({ case: 2, task: 1, commission: 0, handback: 0 });
    expect(await s.inboxCounts(`${office}x`)).toEqual({ case: 0, task: 0, commission: 0, handback: 0 });
  });

  it("commission: new once, then only on its version; read back with its applicant hash; an agent's list newest first, paged", async () => {
    const s = store();
    const agentId = uid();
    const make = (hh: string) => {
      const id = uid();
      const c = fresh();
      return {
        id,
        number: `DB-411521-20261103-${id.slice(0, 4)}`,
        countyCode: '411521',
        stationId: '411521-lingshan-demo1',
        townshipId: '411521-lingshan',
        agentId,
        agentUsername: 'agent.demo',
        agentName: '代办员',
        itemCode: c.itemCode,
        itemVersion: 1,
        itemName: c.itemName,
        applicant: c.applicant,
        materialsCollected: [],
        consent: { method: 'signed' as const, at: at('2026-11-03', hh).toISOString() },
        status: 'submitted' as const,
        createdAt: at('2026-11-03', hh).toISOString(),
        hopId: uid(),
        takeInDueAt: bjEndOfDay('2026-11-04'),
        version: 1,
      };
    };
    const [a, b, c] = [make('09:00'), make('10:00'), make('11:00')];
    await s.commit(
      [
        { op: 'commission', commission: a, applicantHash: 'hash-a' },
        { op: 'commission', commission: b },
        { op: 'commission', commission: c },
      ],
      [],
    );
    expect(await s.commission(a.id)).toEqual({ commission: a, applicantHash: 'hash-a' });
    expect(await s.commission(uid())).toBeUndefined();
    // new again: refused; an update on a stale version: STALE_VERSION; on the right one: written, the hash kept
    await expect(s.commit([{ op: 'commission', commission: a }], [])).rejects.toBeInstanceOf(ConflictError);
    expect(conflictCode(await s.commit([{ op: 'commission', commission: { ...a, version: 3 }, expectedVersion: 2 }], []).catch((e) => e))).toBe(
      'STALE_VERSION',
    );
    await s.commit([{ op: 'commission', commission: { ...a, status: 'taken_in', caseId: 'c-1', version: 2 }, expectedVersion: 1 }], []);
    expect(await s.commission(a.id)).toEqual({ commission: { ...a, status: 'taken_in', caseId: 'c-1', version: 2 }, applicantHash: 'hash-a' });
    const p1 = await s.commissionsOfAgent(agentId, { limit: 2 });
    const p2 = await s.commissionsOfAgent(agentId, { limit: 2, cursor: p1.cursor! });
    expect([...p1.commissions, ...p2.commissions].map((k) => k.id)).toEqual([c.id, b.id, a.id]);
    expect(p1.commissions[0]).toEqual(c);
  });

  it('the daily sequence counts per county and day', async () => {
    const s = store();
    const county = `9${uid().replace(/\D/g, '').slice(0, 5).padEnd(5, '0')}`;
    expect([
      await s.nextSequence(county, '2026-11-02'),
      await s.nextSequence(county, '2026-11-02'),
      await s.nextSequence(county, '2026-11-03'),
      await s.nextSequence(county, '2026-11-02'),
    ]).toEqual([1, 2, 1, 3]);
  });

  it('public look-ups count per address and window', async () => {
    const s = store();
    const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.1`;
    const exp = new Date('2026-11-02T02:05:00Z');
    expect([
      await s.hitPublicLookup(ip, '2026-11-02T02:00', exp),
      await s.hitPublicLookup(ip, '2026-11-02T02:00', exp),
      await s.hitPublicLookup(ip, '2026-11-02T02:01', exp),
      await s.hitPublicLookup(`${ip}0`, '2026-11-02T02:00', exp),
    ]).toEqual([1, 2, 1, 1]);
  });

  it('an audit alone can be committed (the audited view of an ID number)', async () => {
    const s = store();
    await expect(s.commit([], [audit(fresh())])).resolves.toBeUndefined();
  });

  // the transactional outbox (shared/platform/outbox.ts)
  it('an outbox entry is written with its change, once: the same id again fails the whole commit (OUTBOX_ENTRY_TAKEN)', async () => {
    const s = store();
    const c = fresh();
    const entry = { topic: 'notices' as const, subject: c.id, id: 'accepted#sms#applicant', at: c.createdAt, payload: { n: 1 } };
    await s.commit([create(c), { op: 'outbox', entry }], [audit(c)]);
    const next = { ...c, version: 2 };
    const again = s.commit(
      [
        { op: 'update', case: next, expectedVersion: 1 },
        { op: 'outbox', entry: { ...entry, payload: { n: 2 } } },
      ],
      [audit(c)],
    );
    await expect(again).rejects.toSatisfy((e) => conflictCode(e) === 'OUTBOX_ENTRY_TAKEN');
    // nothing of the refused commit was written
    expect((await s.get(c.id))?.record.version).toBe(1);
    // another id of the same subject is a new entry
    await s.commit(
      [
        { op: 'update', case: next, expectedVersion: 1 },
        { op: 'outbox', entry: { ...entry, id: 'decided#sms#applicant' } },
      ],
      [audit(c)],
    );
    expect((await s.get(c.id))?.record.version).toBe(2);
  });
};
