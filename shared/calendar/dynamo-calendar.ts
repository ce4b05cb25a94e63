import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../audit/dynamo-audit.ts';
import { dynamo } from '../aws/dynamo-client.ts';
import { tableName } from '../platform/env.ts';
import { directoryKeys } from '../db/keys.ts';
import { queryAll } from '../db/dynamo-kit.ts';
import type { CalendarYear } from './year.ts';
import type { CalendarStore } from './ports.ts';

/** CalendarStore on the directory table (D6: `pk=CALENDAR, sk=YEAR#<yyyy>`). */
export const dynamoCalendarStore = (): CalendarStore => ({
  storedYears: async () => {
    const k = directoryKeys.calendarYears();
    const rows = await queryAll({
      TableName: tableName('directory'),
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':p': k.pk, ':s': k.skPrefix },
    });
    return rows.map(
      ({ year, holidays, makeupWorkdays, source, updatedAt }) =>
        ({ year, holidays, makeupWorkdays, source, ...(updatedAt ? { updatedAt } : {}) }) as CalendarYear,
    );
  },
  saveYear: async (year, audit) => {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName('directory'), Item: { ...directoryKeys.calendarYear(year.year), ...year } } },
          auditPut(audit, new Date(year.updatedAt)),
        ],
      }),
    );
  },
});
