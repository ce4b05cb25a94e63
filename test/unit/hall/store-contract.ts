import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { type HallStore } from '../../../shared/hall/ports.ts';
import { HALL_CONFLICT, HallStoreConflict } from '../../../shared/hall/conflicts.ts';
import type { StoredAppointment, Ticket } from '../../../shared/hall/model.ts';

/**
 * What every HallStore must do, on the in-memory fake (unit) and DynamoDB Local (integration):
 * capacity, numbering and claims are conditions of the write itself.
 */
export const hallStoreContract = (store: () => HallStore): void => {
  const office = () => `411521-o${randomUUID().slice(0, 8)}`;
  const appt = (officeId: string, over: Partial<StoredAppointment> = {}): StoredAppointment => ({
    code: randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase(),
    officeId,
    slotId: '20261208-0900-general',
    date: '2026-12-08',
    start: '2026-12-08T09:00:00+08:00',
    end: '2026-12-08T09:30:00+08:00',
    group: 'general',
    itemCode: 'GEN-1',
    itemName: '事项',
    name: '张*',
    phone: '138****0000',
    status: 'booked',
    bookedAt: '2026-12-07T01:00:00.000Z',
    phoneHash: randomUUID(),
    sealed: { ek: 'x', iv: 'x', ct: 'x', tag: 'x' },
    ...over,
  });
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
      return 'none';
    } catch (e) {
      return e instanceof HallStoreConflict ? e.code : String(e);
    }
  };
  const ticket = (officeId: string, n: number, over: Partial<Ticket> = {}): Ticket => ({
    id: `20261208-A${String(n).padStart(3, '0')}`,
    officeId,
    date: '2026-12-08',
    number: `A${String(n).padStart(3, '0')}`,
    queue: 'A',
    status: 'waiting',
    issuedAt: `2026-12-08T01:0${n}:00.000Z`,
    ...over,
  });

  it('book: the slot count stays within capacity, the phone within its day, the code new', async () => {
    const s = store();
    const o = office();
    const limits = { slotKey: 'general#0900', capacity: 2, perPhonePerDay: 1 };
    await s.book(appt(o), limits);
    const twice = appt(o);
    await s.book(twice, limits);
    expect(await refusal(s.book(appt(o), limits))).toBe(HALL_CONFLICT.SLOT_FULL);
    expect(await refusal(s.book(appt(o, { phoneHash: twice.phoneHash }), { ...limits, slotKey: 'general#0930' }))).toBe(HALL_CONFLICT.PHONE_DAY_FULL);
    expect(await refusal(s.book(appt(o, { code: twice.code }), { ...limits, slotKey: 'general#1000' }))).toBe(HALL_CONFLICT.CODE_TAKEN);
    expect((await s.bookedCounts(o, '2026-12-08')).get('general#0900')).toBe(2);
    // refused bookings wrote nothing
    expect((await s.bookedCounts(o, '2026-12-08')).get('general#1000')).toBeUndefined();
    expect(await s.appointment(twice.code)).toMatchObject({ code: twice.code, status: 'booked' });
    expect((await s.appointmentsOfPhone(twice.phoneHash, '2026-12-01')).map((a) => a.code)).toEqual([twice.code]);
    expect((await s.appointmentsOfDay(o, '2026-12-08')).length).toBe(2);
  });

  it('cancel gives the place back once; a cancelled appointment cannot be cancelled or checked in', async () => {
    const s = store();
    const o = office();
    const limits = { slotKey: 'general#0900', capacity: 1, perPhonePerDay: 1 };
    const a = appt(o);
    await s.book(a, limits);
    await s.cancel(a, 'general#0900', '2026-12-07T02:00:00.000Z');
    expect(await refusal(s.cancel(a, 'general#0900', '2026-12-07T02:00:00.000Z'))).toBe(HALL_CONFLICT.NOT_BOOKED);
    expect((await s.bookedCounts(o, '2026-12-08')).get('general#0900')).toBe(0);
    await s.book(appt(o, { phoneHash: a.phoneHash }), limits);
    expect(await refusal(s.issue(ticket(o, 1, { number: 'V001', id: '20261208-V001' }), { code: a.code, at: 'x' }))).toBe(HALL_CONFLICT.NOT_BOOKED);
    expect(await s.ticket(o, '20261208-V001')).toBeUndefined();
  });

  it('numbers: 1, 2, 3 per office, day and prefix', async () => {
    const s = store();
    const o = office();
    expect([await s.nextNumber(o, '2026-12-08', 'A'), await s.nextNumber(o, '2026-12-08', 'A'), await s.nextNumber(o, '2026-12-08', 'B')]).toEqual([1, 2, 1]);
    expect(await s.nextNumber(o, '2026-12-09', 'A')).toBe(1);
  });

  it('waiting tickets in calling order; a claim takes a ticket once; recall, transfer, finish at the window only', async () => {
    const s = store();
    const o = office();
    await s.issue(ticket(o, 1));
    await s.issue(ticket(o, 2));
    await s.issue(ticket(o, 3, { id: '20261208-V001', number: 'V001', slotStart: '2026-12-08T01:00:00.000Z', appointmentCode: 'ABCDEFGH' }));
    expect((await s.waiting(o, '2026-12-08', 'A', { limit: 10 })).map((t) => t.number)).toEqual(['V001', 'A001', 'A002']);
    expect((await s.waiting(o, '2026-12-08', 'A', { limit: 10, kind: 'walk-in' })).map((t) => t.number)).toEqual(['A001', 'A002']);
    expect(await s.ahead(ticket(o, 2))).toBe(2);
    const seat1 = { userId: `u1-${o}`, officeId: o, window: '1' };
    const seat2 = { userId: `u2-${o}`, officeId: o, window: '2' };
    const first = await s.claim({ ticket: ticket(o, 1), seat: seat1, at: '2026-12-08T01:10:00.000Z' });
    expect(first).toMatchObject({ status: 'called', window: '1', calls: 1 });
    expect(await refusal(s.claim({ ticket: ticket(o, 1), seat: seat2, at: '2026-12-08T01:10:00.000Z' }))).toBe(HALL_CONFLICT.TICKET_TAKEN);
    expect(await s.seat(seat1.userId)).toEqual({ officeId: o, window: '1', current: first.id });
    expect(await refusal(s.recall(first, '2', '2026-12-08T01:11:00.000Z'))).toBe(HALL_CONFLICT.NOT_AT_WINDOW);
    expect(await s.recall(first, '1', '2026-12-08T01:11:00.000Z')).toMatchObject({ calls: 2, calledAt: '2026-12-08T01:11:00.000Z' });
    expect((await s.calls(o, '2026-12-08', 5)).map((c) => [c.number, c.window, c.calls])).toEqual([['A001', '1', 2]]);
    const moved = await s.transfer((await s.ticket(o, first.id))!, seat1, '2', '2026-12-08T01:15:00.000Z');
    expect(moved).toMatchObject({ status: 'waiting', forWindow: '2' });
    expect((await s.waiting(o, '2026-12-08', 'W2', { limit: 5 })).map((t) => t.number)).toEqual(['A001']);
    const again = await s.claim({ ticket: (await s.ticket(o, first.id))!, seat: seat2, at: '2026-12-08T01:16:00.000Z' });
    expect(again).toMatchObject({ window: '2', calls: 3 });
    const second = await s.claim({ ticket: ticket(o, 2), seat: seat1, at: '2026-12-08T01:20:00.000Z' });
    const done = await s.claim({
      ticket: (await s.waiting(o, '2026-12-08', 'A', { limit: 1 }))[0]!,
      seat: seat1,
      at: '2026-12-08T01:30:00.000Z',
      finish: second,
    });
    expect(done.number).toBe('V001');
    expect(await s.ticket(o, second.id)).toMatchObject({ status: 'done', doneAt: '2026-12-08T01:30:00.000Z' });
    expect(await refusal(s.finish(second, seat1, '2026-12-08T01:31:00.000Z'))).toBe(HALL_CONFLICT.NOT_AT_WINDOW);
    await s.miss(done, seat1, '2026-12-08T01:40:00.000Z');
    expect(await s.ticket(o, done.id)).toMatchObject({ status: 'missed' });
    const linked = await s.linkCase(again, 'c-1');
    expect((await s.linkCase(linked, 'c-1')).cases ?? (await s.ticket(o, again.id))!.cases).toEqual(['c-1']);
    const times = await s.times(o, '2026-12');
    // waits: A001 9 min, A002 18 min, V001 27 min (issued 01:01, 01:02, 01:03); A001 counted once despite its transfer
    expect(times.all).toMatchObject({ waited: 3, waitMs: (9 + 18 + 27) * 60_000 });
    expect(times.w1!.served).toBe(2);
  });
};
