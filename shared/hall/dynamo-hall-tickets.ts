import { bjStartOfDay } from '../platform/beijing-time.ts';
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { addNumbers, isConditionFailed, type Item } from '../db/dynamo-kit.ts';
import { hallKeys } from '../db/keys.ts';
import { laneOf, orderKey, type ScreenCall, type Ticket } from './model.ts';
import { type HallStore, type Seat } from './ports.ts';
import { HALL_CONFLICT, HallStoreConflict, type HallConflict } from './conflicts.ts';
import { monthOf, serviceAdds, timesFrom, waitAdds } from './times.ts';
import { T, DAY_S, KEEP_S, epoch, METERED, strip, compact, transact, query, getOne } from './dynamo-hall-table.ts';

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
/**
 * A change to a ticket that only the window now serving it may make: the ticket's update in a
 * transaction, refused (NOT_AT_WINDOW) unless the ticket is called to that window.
 */
const atWindow = (t: Ticket, window: string, UpdateExpression: string, values: Record<string, unknown>) => ({
  refusal: HALL_CONFLICT.NOT_AT_WINDOW,
  item: {
    Update: {
      TableName: T(),
      Key: hallKeys.ticket(t.officeId, t.id),
      UpdateExpression,
      ConditionExpression: '#s = :called AND #w = :win',
      ExpressionAttributeNames: { '#s': 'status', '#w': 'window' },
      ExpressionAttributeValues: { ...values, ':called': 'called', ':win': window },
    },
  },
});

/** The kiosk's numbers, the windows' calls and the hall's times on the hall table (the ticket part of HallStore). */
export const dynamoHallTickets = (): Pick<
  HallStore,
  | 'nextNumber'
  | 'issue'
  | 'ticket'
  | 'waiting'
  | 'ahead'
  | 'claim'
  | 'recall'
  | 'miss'
  | 'transfer'
  | 'finish'
  | 'linkCase'
  | 'seat'
  | 'setSeat'
  | 'calls'
  | 'times'
> => ({
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
      items.push(atWindow(finish, seat.window, 'SET #s = :done, doneAt = :at', { ':done': 'done', ':at': at }));
    }
    if (Object.keys(adds).length) items.push({ refusal: HALL_CONFLICT.BUSY, item: timesUpdate(ticket.officeId, at, adds) });
    await transact(items, audit ? [audit] : []);
    const { forWindow: _f, ...rest } = ticket;
    return { ...rest, status: 'called', window: seat.window, calledBy: seat.userId, calledAt: at, calls: (ticket.calls ?? 0) + 1 };
  },
  recall: async (t, window, at, audit) => {
    await transact(
      [
        atWindow(t, window, 'SET calledAt = :at, calls = calls + :one, gsi2sk = :g2s', {
          ':at': at,
          ':one': 1,
          ':g2s': hallKeys.called(t.officeId, compact(t.date), at, t.id).gsi2sk,
        }),
      ],
      audit ? [audit] : [],
    );
    return { ...t, calledAt: at, calls: (t.calls ?? 1) + 1 };
  },
  miss: async (t, seat, at, audit) => {
    await transact(
      [atWindow(t, seat.window, 'SET #s = :missed, doneAt = :at', { ':missed': 'missed', ':at': at }), { refusal: HALL_CONFLICT.BUSY, item: seatPut(seat) }],
      audit ? [audit] : [],
    );
    return { ...t, status: 'missed', doneAt: at };
  },
  transfer: async (t, seat, toWindow, at, audit) => {
    const { window: _w, calledBy: _b, ...rest } = t;
    const moved: Ticket = { ...rest, status: 'waiting', forWindow: toWindow };
    const idx = hallKeys.waiting(t.officeId, compact(t.date), laneOf(moved), orderKey(moved));
    await transact(
      [
        atWindow(t, seat.window, 'SET #s = :waiting, forWindow = :to, gsi1pk = :g1p, gsi1sk = :g1s REMOVE #w, calledBy, gsi2pk, gsi2sk', {
          ':waiting': 'waiting',
          ':to': toWindow,
          ':g1p': idx.gsi1pk,
          ':g1s': idx.gsi1sk,
        }),
        { refusal: HALL_CONFLICT.BUSY, item: seatPut(seat) },
        { refusal: HALL_CONFLICT.BUSY, item: timesUpdate(t.officeId, at, serviceAdds(t, seat.window, at)) },
      ],
      audit ? [audit] : [],
    );
    return moved;
  },
  finish: async (t, seat, at) => {
    await transact([
      atWindow(t, seat.window, 'SET #s = :done, doneAt = :at', { ':done': 'done', ':at': at }),
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
});
