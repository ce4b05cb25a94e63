import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../aws/dynamo-client.ts';
import { hallKeys } from '../db/keys.ts';
import type { StoredAppointment, StoredHomeVisit } from './model.ts';
import { type HallStore } from './ports.ts';
import { HALL_CONFLICT } from './conflicts.ts';
import { T, DAY_S, KEEP_S, epoch, METERED, compact, transact, query, getOne } from './dynamo-hall-table.ts';
import { dynamoHallTickets } from './dynamo-hall-tickets.ts';

/**
 * HallStore on the county's hall table: appointments, home visits and the public rate counters
 * here, the kiosk's tickets and the windows' calls in dynamo-hall-tickets.ts.
 */
export const dynamoHallStore = (): HallStore => ({
  ...dynamoHallTickets(),
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
