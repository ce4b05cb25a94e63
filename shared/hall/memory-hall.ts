import type { AuditInput } from '../audit/audit.ts';
import { laneOf, orderKey, type ScreenCall, type StoredAppointment, type StoredHomeVisit, type Ticket } from './model.ts';
import { type HallStore, type HallTimes, type Seat } from './ports.ts';
import { HALL_CONFLICT, HallStoreConflict } from './conflicts.ts';
import { serviceAdds, timesFrom, waitAdds, monthOf } from './times.ts';

/** The HallStore in memory, for unit tests: the same conditions as DynamoDB (hall-store-contract). */
export const memoryHallStore = (): HallStore & { readonly audits: AuditInput[] } => {
  const audits: AuditInput[] = [];
  const slots = new Map<string, number>();
  const appts = new Map<string, StoredAppointment>();
  const phoneDays = new Map<string, number>();
  const seqs = new Map<string, number>();
  const tickets = new Map<string, Ticket>();
  const seats = new Map<string, Seat>();
  const times = new Map<string, Record<string, number>>();
  const rates = new Map<string, number>();
  const visits = new Map<string, StoredHomeVisit>();
  const copy = <T>(x: T): T => structuredClone(x);
  const tkey = (officeId: string, id: string) => `${officeId}|${id}`;
  const addTimes = (officeId: string, at: string, adds: Record<string, number>) => {
    const k = `${officeId}|${monthOf(at)}`;
    const row = times.get(k) ?? {};
    for (const [a, v] of Object.entries(adds)) row[a] = (row[a] ?? 0) + v;
    times.set(k, row);
  };
  const atWindow = (t: Ticket, window: string) => {
    const cur = tickets.get(tkey(t.officeId, t.id));
    if (!cur || cur.status !== 'called' || cur.window !== window) throw new HallStoreConflict(HALL_CONFLICT.NOT_AT_WINDOW);
    return cur;
  };
  const put = (t: Ticket) => {
    tickets.set(tkey(t.officeId, t.id), copy(t));
    return copy(t);
  };

  return {
    audits,
    bookedCounts: async (officeId, date) => {
      const out = new Map<string, number>();
      for (const [k, n] of slots) if (k.startsWith(`${officeId}|${date}|`)) out.set(k.split('|')[2]!, n);
      return out;
    },
    book: async (a, limits) => {
      const sk = `${a.officeId}|${a.date}|${limits.slotKey}`;
      const pk = `${a.phoneHash}|${a.date}`;
      if ((slots.get(sk) ?? 0) >= limits.capacity) throw new HallStoreConflict(HALL_CONFLICT.SLOT_FULL);
      if ((phoneDays.get(pk) ?? 0) >= limits.perPhonePerDay) throw new HallStoreConflict(HALL_CONFLICT.PHONE_DAY_FULL);
      if (appts.has(a.code)) throw new HallStoreConflict(HALL_CONFLICT.CODE_TAKEN);
      slots.set(sk, (slots.get(sk) ?? 0) + 1);
      phoneDays.set(pk, (phoneDays.get(pk) ?? 0) + 1);
      appts.set(a.code, copy(a));
    },
    appointment: async (code) => copy(appts.get(code)),
    appointmentsOfPhone: async (phoneHash, since) =>
      [...appts.values()]
        .filter((a) => a.phoneHash === phoneHash && a.date >= since)
        .sort((x, y) => y.start.localeCompare(x.start))
        .slice(0, 50)
        .map(copy),
    cancel: async (a, slotKey, at) => {
      const cur = appts.get(a.code);
      if (!cur || cur.status !== 'booked') throw new HallStoreConflict(HALL_CONFLICT.NOT_BOOKED);
      appts.set(a.code, { ...cur, status: 'cancelled', cancelledAt: at });
      const sk = `${a.officeId}|${a.date}|${slotKey}`;
      slots.set(sk, (slots.get(sk) ?? 1) - 1);
      const pk = `${a.phoneHash}|${a.date}`;
      phoneDays.set(pk, (phoneDays.get(pk) ?? 1) - 1);
    },
    appointmentsOfDay: async (officeId, date) =>
      [...appts.values()]
        .filter((a) => a.officeId === officeId && a.date === date)
        .sort((x, y) => x.start.localeCompare(y.start) || x.code.localeCompare(y.code))
        .map(copy),
    nextNumber: async (officeId, date, prefix) => {
      const k = `${officeId}|${date}|${prefix}`;
      const n = (seqs.get(k) ?? 0) + 1;
      seqs.set(k, n);
      return n;
    },
    issue: async (t, checkIn) => {
      if (tickets.has(tkey(t.officeId, t.id))) throw new HallStoreConflict(HALL_CONFLICT.TICKET_TAKEN);
      if (checkIn) {
        const a = appts.get(checkIn.code);
        if (!a || a.status !== 'booked') throw new HallStoreConflict(HALL_CONFLICT.NOT_BOOKED);
        appts.set(checkIn.code, { ...a, status: 'checked-in', checkedInAt: checkIn.at, ticketId: t.id });
      }
      put(t);
    },
    ticket: async (officeId, id) => copy(tickets.get(tkey(officeId, id))),
    waiting: async (officeId, date, lane, opts) =>
      [...tickets.values()]
        .filter((t) => t.officeId === officeId && t.date === date && t.status === 'waiting' && laneOf(t) === lane)
        .filter((t) => !opts.kind || (opts.kind === 'appointment') === (t.slotStart !== undefined))
        .sort((a, b) => orderKey(a).localeCompare(orderKey(b)))
        .slice(0, opts.limit)
        .map(copy),
    ahead: async (t) =>
      [...tickets.values()].filter(
        (x) => x.officeId === t.officeId && x.date === t.date && x.status === 'waiting' && laneOf(x) === laneOf(t) && orderKey(x) < orderKey(t),
      ).length,
    claim: async ({ ticket, seat, at, finish, audit }) => {
      const cur = tickets.get(tkey(ticket.officeId, ticket.id));
      if (!cur || cur.status !== 'waiting' || laneOf(cur) !== laneOf(ticket)) throw new HallStoreConflict(HALL_CONFLICT.TICKET_TAKEN);
      if (finish) atWindow(finish, seat.window);
      if (finish) {
        const f = tickets.get(tkey(finish.officeId, finish.id))!;
        put({ ...f, status: 'done', doneAt: at });
        addTimes(f.officeId, at, serviceAdds(f, seat.window, at));
      }
      const first = cur.calledAt === undefined;
      const { forWindow: _f, ...rest } = cur;
      const claimed = put({ ...rest, status: 'called', window: seat.window, calledBy: seat.userId, calledAt: at, calls: (cur.calls ?? 0) + 1 });
      if (first) addTimes(cur.officeId, at, waitAdds(cur, seat.window, at));
      seats.set(seat.userId, { officeId: seat.officeId, window: seat.window, current: cur.id });
      if (audit) audits.push(copy(audit));
      return claimed;
    },
    recall: async (t, window, at, audit) => {
      const cur = atWindow(t, window);
      if (audit) audits.push(copy(audit));
      return put({ ...cur, calledAt: at, calls: (cur.calls ?? 0) + 1 });
    },
    miss: async (t, seat, at, audit) => {
      const cur = atWindow(t, seat.window);
      if (audit) audits.push(copy(audit));
      seats.set(seat.userId, { officeId: seat.officeId, window: seat.window });
      return put({ ...cur, status: 'missed', doneAt: at });
    },
    transfer: async (t, seat, toWindow, at, audit) => {
      const cur = atWindow(t, seat.window);
      if (audit) audits.push(copy(audit));
      addTimes(cur.officeId, at, serviceAdds(cur, seat.window, at));
      seats.set(seat.userId, { officeId: seat.officeId, window: seat.window });
      const { window: _w, calledBy: _b, ...rest } = cur;
      return put({ ...rest, status: 'waiting', forWindow: toWindow });
    },
    finish: async (t, seat, at) => {
      const cur = atWindow(t, seat.window);
      addTimes(cur.officeId, at, serviceAdds(cur, seat.window, at));
      seats.set(seat.userId, { officeId: seat.officeId, window: seat.window });
      return put({ ...cur, status: 'done', doneAt: at });
    },
    linkCase: async (t, caseId) => {
      const cur = tickets.get(tkey(t.officeId, t.id))!;
      const cases = cur.cases ?? [];
      return put(cases.includes(caseId) ? cur : { ...cur, cases: [...cases, caseId] });
    },
    seat: async (userId) => copy(seats.get(userId)),
    setSeat: async (userId, seat) => {
      seats.set(userId, copy(seat));
    },
    calls: async (officeId, date, limit): Promise<ScreenCall[]> =>
      [...tickets.values()]
        .filter((t) => t.officeId === officeId && t.date === date && t.calledAt && t.window)
        .sort((a, b) => `${b.calledAt}#${b.id}`.localeCompare(`${a.calledAt}#${a.id}`))
        .slice(0, limit)
        .map((t) => ({ id: t.id, number: t.number, window: t.window!, calledAt: t.calledAt!, calls: t.calls ?? 1 })),
    times: async (officeId, month): Promise<HallTimes> => timesFrom(times.get(`${officeId}|${month}`) ?? {}),
    hitPublic: async (address, minute) => {
      const k = `${address}|${minute}`;
      rates.set(k, (rates.get(k) ?? 0) + 1);
      return rates.get(k)!;
    },
    putHomeVisit: async (v, audit) => {
      if (visits.has(v.id)) throw new HallStoreConflict(HALL_CONFLICT.BUSY);
      visits.set(v.id, copy(v));
      audits.push(copy(audit));
    },
    homeVisit: async (id) => copy(visits.get(id)),
    openHomeVisits: async (stationId, limit) =>
      [...visits.values()]
        .filter((v) => v.stationId === stationId && v.status === 'open')
        .sort((a, b) => `${a.date}#${a.id}`.localeCompare(`${b.date}#${b.id}`))
        .slice(0, limit)
        .map(copy),
    finishHomeVisit: async (v, done, audit) => {
      const cur = visits.get(v.id);
      if (!cur || cur.status !== 'open') throw new HallStoreConflict(HALL_CONFLICT.VISIT_CLOSED);
      visits.set(v.id, { ...cur, status: 'done', doneAt: done.at, doneBy: done.by, result: done.result });
      audits.push(copy(audit));
    },
  };
};
