import { bjStartOfDay } from '../platform/beijing-time.ts';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AuditInput } from '../audit/audit.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import { dynamo } from '../aws/dynamo-client.ts';
import { addNumbers, firstConditionFailed, isConditionFailed, isTransactionConflict, withoutKeys, type Item } from '../db/dynamo-kit.ts';
import { hallKeys } from '../db/keys.ts';
import { tableName } from '../platform/env.ts';
import { laneOf, orderKey, type ScreenCall, type StoredAppointment, type StoredHomeVisit, type Ticket } from './model.ts';
import { HALL_CONFLICT, HallStoreConflict, type HallConflict, type HallStore, type Seat } from './ports.ts';
import { monthOf, serviceAdds, timesFrom, waitAdds } from './times.ts';

/**
 * HallStore on the county's hall table (H1–H9 in shared/db/AccessPatterns.md). Every call asks for
 * its consumed capacity: the client's meter (shared/aws/dynamo-meter.ts) gives `npm run bench` its
 * units per booking and per call.
 */
const T = (): string => tableName('hall');
const DAY_S = 86_400;
/** Appointments and tickets are kept 400 days (the no-show rule looks back at most 2 × 365). */
const KEEP_S = 400 * DAY_S;
const epoch = (iso: string, plus: number) => Math.floor(Date.parse(iso) / 1000) + plus;
const METERED = { ReturnConsumedCapacity: 'TOTAL' } as const;

const strip = <R>(item: Item): R => withoutKeys<R>(item, 'expiresAt');

const compact = (d: string) => d.replaceAll('-', '');

const ticketItem = (t: Ticket) => ({
  ...hallKeys.ticket(t.officeId, t.id),
  ...(t.status === 'waiting' ? hallKeys.waiting(t.officeId, compact(t.date), laneOf(t), orderKey(t)) : {}),
  ...(t.status !== 'waiting' && t.calledAt && t.window ? hallKeys.called(t.officeId, compact(t.date), t.calledAt, t.id) : {}),
  ...t,
  expiresAt: epoch(t.issuedAt, KEEP_S),
});

/** An ADD of flat counters on the office's month of hall times. */
const timesUpdate = (officeId: string, at: string, adds: Record<string, number>) => ({ Update: addNumbers(T(), hallKeys.times(officeId, monthOf(at)), adds) });
const merge = (...adds: Array<Record<string, number>>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const a of adds) for (const [k, v] of Object.entries(a)) out[k] = (out[k] ?? 0) + v;
  return out;
};
const seatPut = (seat: Seat & { userId: string }, current?: string) => ({
  Put: { TableName: T(), Item: { ...hallKeys.seat(seat.userId), officeId: seat.officeId, window: seat.window, ...(current ? { current } : {}) } },
});
/** The window's current ticket, still called to it. */
const atWindow = (t: Ticket, window: string) => ({
  ConditionExpression: '#s = :called AND #w = :win',
  names: { '#s': 'status', '#w': 'window' },
  values: { ':called': 'called', ':win': window },
});

/**
 * A transaction whose items are each bound to a refusal: a refused condition names its conflict;
 * a transaction that met another on the same item (two bookings of one slot at once) is tried again,
 * a bounded number of times, with a random pause — then BUSY.
 */
const transact = async (items: Array<{ item: Record<string, unknown>; refusal: HallConflict }>, audits: readonly AuditInput[] = []): Promise<void> => {
  const TransactItems = [...items.map((i) => i.item), ...audits.map((a) => auditPut(a))];
  for (let attempt = 0; attempt < 12; attempt++) {
    try {
      await dynamo().send(new TransactWriteCommand({ TransactItems: TransactItems as never, ...METERED }));
      return;
    } catch (e) {
      // an audit item refused (its key taken) is no conflict of the hall's: BUSY
      const refused = firstConditionFailed(e);
      if (refused >= 0) throw new HallStoreConflict(items[refused]?.refusal ?? HALL_CONFLICT.BUSY);
      if (!isTransactionConflict(e)) throw e;
      await new Promise((res) => setTimeout(res, 5 + Math.random() * 20 * (attempt + 1)));
    }
  }
  throw new HallStoreConflict(HALL_CONFLICT.BUSY);
};

/** One bounded page (every read here has its Limit): the items without their keys. */
const query = async <R>(input: Omit<QueryCommandInput, 'TableName'>): Promise<R[]> => {
  const r = await dynamo().send(new QueryCommand({ TableName: T(), ...input, ...METERED }));
  return (r.Items ?? []).map((i) => strip<R>(i));
};
/** A consistent read of one item, metered. */
const getOne = async <R>(key: Item): Promise<R | undefined> => {
  const r = await dynamo().send(new GetCommand({ TableName: T(), Key: key, ConsistentRead: true, ...METERED }));
  return r.Item ? strip<R>(r.Item) : undefined;
};

export const dynamoHallStore = (): HallStore => ({
  bookedCounts: async (officeId, date) => {
    const k = hallKeys.slotDay(officeId, compact(date));
    // one partition per office and day: a count item per slot (at most a day's slots × groups)
    const r = await dynamo().send(
      new QueryCommand({ TableName: T(), KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': k.pk }, ...METERED }),
    );
    return new Map((r.Items ?? []).map((i) => [i.sk as string, Number(i.n ?? 0)]));
  },
  book: async (a, limits) => {
    const until = epoch(a.end, 2 * DAY_S);
    await transact([
      {
        refusal: HALL_CONFLICT.SLOT_FULL,
        item: {
          Update: {
            TableName: T(),
            Key: hallKeys.slotCount(a.officeId, compact(a.date), limits.slotKey),
            UpdateExpression: 'ADD n :one SET expiresAt = :e',
            ConditionExpression: 'attribute_not_exists(n) OR n < :cap',
            ExpressionAttributeValues: { ':one': 1, ':cap': limits.capacity, ':e': until },
          },
        },
      },
      {
        refusal: HALL_CONFLICT.PHONE_DAY_FULL,
        item: {
          Update: {
            TableName: T(),
            Key: hallKeys.phoneDay(a.phoneHash, compact(a.date)),
            UpdateExpression: 'ADD n :one SET expiresAt = :e',
            ConditionExpression: 'attribute_not_exists(n) OR n < :lim',
            ExpressionAttributeValues: { ':one': 1, ':lim': limits.perPhonePerDay, ':e': until },
          },
        },
      },
      {
        refusal: HALL_CONFLICT.CODE_TAKEN,
        item: {
          Put: {
            TableName: T(),
            Item: {
              ...hallKeys.appointment(a.code),
              ...hallKeys.apptByPhone(a.phoneHash, a.start, a.code),
              ...hallKeys.apptByDay(a.officeId, compact(a.date), a.start, a.code),
              ...a,
              expiresAt: epoch(a.end, KEEP_S),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
    ]);
  },
  appointment: async (code) => {
    return getOne<StoredAppointment>(hallKeys.appointment(code));
  },
  appointmentsOfPhone: async (phoneHash, since) => {
    const k = hallKeys.apptsOfPhone(phoneHash);
    return query<StoredAppointment>({
      IndexName: k.index,
      KeyConditionExpression: 'gsi1pk = :p AND gsi1sk >= :s',
      ExpressionAttributeValues: { ':p': k.pk, ':s': since },
      ScanIndexForward: false,
      Limit: 50,
    });
  },
  cancel: async (a, slotKey, at) => {
    await transact([
      {
        refusal: HALL_CONFLICT.NOT_BOOKED,
        item: {
          Update: {
            TableName: T(),
            Key: hallKeys.appointment(a.code),
            UpdateExpression: 'SET #s = :c, cancelledAt = :at',
            ConditionExpression: '#s = :b',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':c': 'cancelled', ':b': 'booked', ':at': at },
          },
        },
      },
      {
        refusal: HALL_CONFLICT.BUSY,
        item: {
          Update: {
            TableName: T(),
            Key: hallKeys.slotCount(a.officeId, compact(a.date), slotKey),
            UpdateExpression: 'ADD n :m',
            ExpressionAttributeValues: { ':m': -1 },
          },
        },
      },
      {
        refusal: HALL_CONFLICT.BUSY,
        item: {
          Update: {
            TableName: T(),
            Key: hallKeys.phoneDay(a.phoneHash, compact(a.date)),
            UpdateExpression: 'ADD n :m',
            ExpressionAttributeValues: { ':m': -1 },
          },
        },
      },
    ]);
  },
  appointmentsOfDay: async (officeId, date) => {
    const k = hallKeys.apptsOfDay(officeId, compact(date));
    return query<StoredAppointment>({ IndexName: k.index, KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': k.pk }, Limit: 500 });
  },
  nextNumber: async (officeId, date, prefix) => {
    const r = await dynamo().send(
      new UpdateCommand({
        TableName: T(),
        Key: hallKeys.sequence(officeId, compact(date), prefix),
        UpdateExpression: 'ADD n :one SET expiresAt = :e',
        ExpressionAttributeValues: { ':one': 1, ':e': epoch(bjStartOfDay(date), 3 * DAY_S) },
        ReturnValues: 'UPDATED_NEW',
        ...METERED,
      }),
    );
    return Number(r.Attributes?.n);
  },
  issue: async (t, checkIn) => {
    const put = { Put: { TableName: T(), Item: ticketItem(t), ConditionExpression: 'attribute_not_exists(pk)' } };
    if (!checkIn) {
      try {
        await dynamo().send(new PutCommand({ ...put.Put, ...METERED }));
        return;
      } catch (e) {
        if (isConditionFailed(e)) throw new HallStoreConflict(HALL_CONFLICT.TICKET_TAKEN);
        throw e;
      }
    }
    await transact([
      { refusal: HALL_CONFLICT.TICKET_TAKEN, item: put },
      {
        refusal: HALL_CONFLICT.NOT_BOOKED,
        item: {
          Update: {
            TableName: T(),
            Key: hallKeys.appointment(checkIn.code),
            UpdateExpression: 'SET #s = :in, checkedInAt = :at, ticketId = :t',
            ConditionExpression: '#s = :b',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':in': 'checked-in', ':b': 'booked', ':at': checkIn.at, ':t': t.id },
          },
        },
      },
    ]);
  },
  ticket: async (officeId, id) => {
    return getOne<Ticket>(hallKeys.ticket(officeId, id));
  },
  waiting: async (officeId, date, lane, opts) => {
    const k = hallKeys.lane(officeId, compact(date), lane);
    const prefix = opts.kind === 'appointment' ? '0#' : opts.kind === 'walk-in' ? '1#' : undefined;
    return query<Ticket>({
      IndexName: k.index,
      KeyConditionExpression: prefix ? 'gsi1pk = :p AND begins_with(gsi1sk, :k)' : 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': k.pk, ...(prefix ? { ':k': prefix } : {}) },
      Limit: opts.limit,
    });
  },
  ahead: async (t) => {
    const k = hallKeys.lane(t.officeId, compact(t.date), laneOf(t));
    const r = await dynamo().send(
      new QueryCommand({
        TableName: T(),
        IndexName: k.index,
        KeyConditionExpression: 'gsi1pk = :p AND gsi1sk < :o',
        ExpressionAttributeValues: { ':p': k.pk, ':o': orderKey(t) },
        Select: 'COUNT',
        ...METERED,
      }),
    );
    return r.Count ?? 0;
  },
  claim: async ({ ticket, seat, at, finish, audit }) => {
    const calledIdx = hallKeys.called(ticket.officeId, compact(ticket.date), at, ticket.id);
    const adds = merge(ticket.calledAt === undefined ? waitAdds(ticket, seat.window, at) : {}, finish ? serviceAdds(finish, seat.window, at) : {});
    const items: Array<{ item: Record<string, unknown>; refusal: HallConflict }> = [
      {
        refusal: HALL_CONFLICT.TICKET_TAKEN,
        item: {
          Update: {
            TableName: T(),
            Key: hallKeys.ticket(ticket.officeId, ticket.id),
            UpdateExpression:
              'SET #s = :called, #w = :win, calledBy = :by, calledAt = :at, calls = if_not_exists(calls, :zero) + :one, gsi2pk = :g2p, gsi2sk = :g2s REMOVE gsi1pk, gsi1sk, forWindow',
            ConditionExpression: '#s = :waiting AND gsi1pk = :lane',
            ExpressionAttributeNames: { '#s': 'status', '#w': 'window' },
            ExpressionAttributeValues: {
              ':called': 'called',
              ':waiting': 'waiting',
              ':win': seat.window,
              ':by': seat.userId,
              ':at': at,
              ':zero': 0,
              ':one': 1,
              ':g2p': calledIdx.gsi2pk,
              ':g2s': calledIdx.gsi2sk,
              ':lane': hallKeys.lane(ticket.officeId, compact(ticket.date), laneOf(ticket)).pk,
            },
          },
        },
      },
      { refusal: HALL_CONFLICT.BUSY, item: seatPut(seat, ticket.id) },
    ];
    if (finish) {
      const c = atWindow(finish, seat.window);
      items.push({
        refusal: HALL_CONFLICT.NOT_AT_WINDOW,
        item: {
          Update: {
            TableName: T(),
            Key: hallKeys.ticket(finish.officeId, finish.id),
            UpdateExpression: 'SET #s = :done, doneAt = :at',
            ConditionExpression: c.ConditionExpression,
            ExpressionAttributeNames: c.names,
            ExpressionAttributeValues: { ...c.values, ':done': 'done', ':at': at },
          },
        },
      });
    }
    if (Object.keys(adds).length) items.push({ refusal: HALL_CONFLICT.BUSY, item: timesUpdate(ticket.officeId, at, adds) });
    await transact(items, audit ? [audit] : []);
    const { forWindow: _f, ...rest } = ticket;
    return { ...rest, status: 'called', window: seat.window, calledBy: seat.userId, calledAt: at, calls: (ticket.calls ?? 0) + 1 };
  },
  recall: async (t, window, at, audit) => {
    const c = atWindow(t, window);
    await transact(
      [
        {
          refusal: HALL_CONFLICT.NOT_AT_WINDOW,
          item: {
            Update: {
              TableName: T(),
              Key: hallKeys.ticket(t.officeId, t.id),
              UpdateExpression: 'SET calledAt = :at, calls = calls + :one, gsi2sk = :g2s',
              ConditionExpression: c.ConditionExpression,
              ExpressionAttributeNames: c.names,
              ExpressionAttributeValues: { ...c.values, ':at': at, ':one': 1, ':g2s': hallKeys.called(t.officeId, compact(t.date), at, t.id).gsi2sk },
            },
          },
        },
      ],
      audit ? [audit] : [],
    );
    return { ...t, calledAt: at, calls: (t.calls ?? 1) + 1 };
  },
  miss: async (t, seat, at, audit) => {
    const c = atWindow(t, seat.window);
    await transact(
      [
        {
          refusal: HALL_CONFLICT.NOT_AT_WINDOW,
          item: {
            Update: {
              TableName: T(),
              Key: hallKeys.ticket(t.officeId, t.id),
              UpdateExpression: 'SET #s = :missed, doneAt = :at',
              ConditionExpression: c.ConditionExpression,
              ExpressionAttributeNames: c.names,
              ExpressionAttributeValues: { ...c.values, ':missed': 'missed', ':at': at },
            },
          },
        },
        { refusal: HALL_CONFLICT.BUSY, item: seatPut(seat) },
      ],
      audit ? [audit] : [],
    );
    return { ...t, status: 'missed', doneAt: at };
  },
  transfer: async (t, seat, toWindow, at, audit) => {
    const c = atWindow(t, seat.window);
    const { window: _w, calledBy: _b, ...rest } = t;
    const moved: Ticket = { ...rest, status: 'waiting', forWindow: toWindow };
    const idx = hallKeys.waiting(t.officeId, compact(t.date), laneOf(moved), orderKey(moved));
    await transact(
      [
        {
          refusal: HALL_CONFLICT.NOT_AT_WINDOW,
          item: {
            Update: {
              TableName: T(),
              Key: hallKeys.ticket(t.officeId, t.id),
              UpdateExpression: 'SET #s = :waiting, forWindow = :to, gsi1pk = :g1p, gsi1sk = :g1s REMOVE #w, calledBy, gsi2pk, gsi2sk',
              ConditionExpression: c.ConditionExpression,
              ExpressionAttributeNames: c.names,
              ExpressionAttributeValues: { ...c.values, ':waiting': 'waiting', ':to': toWindow, ':g1p': idx.gsi1pk, ':g1s': idx.gsi1sk },
            },
          },
        },
        { refusal: HALL_CONFLICT.BUSY, item: seatPut(seat) },
        { refusal: HALL_CONFLICT.BUSY, item: timesUpdate(t.officeId, at, serviceAdds(t, seat.window, at)) },
      ],
      audit ? [audit] : [],
    );
    return moved;
  },
  finish: async (t, seat, at) => {
    const c = atWindow(t, seat.window);
    await transact([
      {
        refusal: HALL_CONFLICT.NOT_AT_WINDOW,
        item: {
          Update: {
            TableName: T(),
            Key: hallKeys.ticket(t.officeId, t.id),
            UpdateExpression: 'SET #s = :done, doneAt = :at',
            ConditionExpression: c.ConditionExpression,
            ExpressionAttributeNames: c.names,
            ExpressionAttributeValues: { ...c.values, ':done': 'done', ':at': at },
          },
        },
      },
      { refusal: HALL_CONFLICT.BUSY, item: seatPut(seat) },
      { refusal: HALL_CONFLICT.BUSY, item: timesUpdate(t.officeId, at, serviceAdds(t, seat.window, at)) },
    ]);
    return { ...t, status: 'done', doneAt: at };
  },
  linkCase: async (t, caseId) => {
    const r = await dynamo()
      .send(
        new UpdateCommand({
          TableName: T(),
          Key: hallKeys.ticket(t.officeId, t.id),
          UpdateExpression: 'SET cases = list_append(if_not_exists(cases, :empty), :c)',
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(cases) OR NOT contains(cases, :id))',
          ExpressionAttributeValues: { ':empty': [], ':c': [caseId], ':id': caseId },
          ReturnValues: 'ALL_NEW',
        }),
      )
      .catch(async (e: unknown) => {
        // already linked (or gone): the ticket as it was
        if (isConditionFailed(e)) return undefined;
        throw e;
      });
    return r ? strip<Ticket>(r.Attributes!) : t;
  },
  seat: async (userId) => {
    const item = await getOne<{ officeId: string; window: string; current?: string }>(hallKeys.seat(userId));
    if (!item) return undefined;
    return { officeId: item.officeId, window: item.window, ...(item.current ? { current: item.current } : {}) };
  },
  setSeat: async (userId, seat) => {
    await dynamo().send(new PutCommand(seatPut({ ...seat, userId }, seat.current).Put));
  },
  calls: async (officeId, date, limit): Promise<ScreenCall[]> => {
    const k = hallKeys.callsOf(officeId, compact(date));
    const items = await query<Ticket>({
      IndexName: k.index,
      KeyConditionExpression: 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': k.pk },
      ScanIndexForward: false,
      Limit: limit,
    });
    return items.map((t) => ({ id: t.id, number: t.number, window: t.window!, calledAt: t.calledAt!, calls: t.calls ?? 1 }));
  },
  times: async (officeId, month) => {
    return timesFrom((await getOne<Item>(hallKeys.times(officeId, month))) ?? {});
  },
  hitPublic: async (address, minute, expiresAt) => {
    const r = await dynamo().send(
      new UpdateCommand({
        TableName: T(),
        Key: hallKeys.publicRate(address, minute),
        UpdateExpression: 'ADD n :one SET expiresAt = :e',
        ExpressionAttributeValues: { ':one': 1, ':e': Math.floor(expiresAt.getTime() / 1000) },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(r.Attributes?.n);
  },
  putHomeVisit: async (v, audit) => {
    await transact(
      [
        {
          refusal: HALL_CONFLICT.BUSY,
          item: {
            Put: {
              TableName: T(),
              Item: { ...hallKeys.homeVisit(v.id), ...hallKeys.openVisit(v.stationId, v.date, v.id), ...v, expiresAt: epoch(v.createdAt, KEEP_S) },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        },
      ],
      [audit],
    );
  },
  homeVisit: (id) => getOne<StoredHomeVisit>(hallKeys.homeVisit(id)),
  openHomeVisits: async (stationId, limit) => {
    const k = hallKeys.openVisitsOf(stationId);
    return query<StoredHomeVisit>({ IndexName: k.index, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': k.pk }, Limit: limit });
  },
  finishHomeVisit: async (v, done, audit) => {
    await transact(
      [
        {
          refusal: HALL_CONFLICT.VISIT_CLOSED,
          item: {
            Update: {
              TableName: T(),
              Key: hallKeys.homeVisit(v.id),
              UpdateExpression: 'SET #s = :done, doneAt = :at, doneBy = :by, #r = :r REMOVE gsi1pk, gsi1sk',
              ConditionExpression: '#s = :open',
              ExpressionAttributeNames: { '#s': 'status', '#r': 'result' },
              ExpressionAttributeValues: { ':done': 'done', ':open': 'open', ':at': done.at, ':by': done.by, ':r': done.result },
            },
          },
        },
      ],
      [audit],
    );
  },
});
