import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../audit/dynamo-audit.ts';
import { dynamo } from '../aws/dynamo-client.ts';
import { tableName } from '../platform/env.ts';
import { directoryKeys } from '../db/keys.ts';
import type { CalendarYear } from './year.ts';
import type { CalendarStore } from './store.ts';

/** CalendarStore on the directory table (D6: `pk=CALENDAR, sk=YEAR#<yyyy>`). */
export const dynamoCalendarStore = (): CalendarStore => ({
  storedYears: async () => {
    const k = directoryKeys.calendarYears();
    const out: CalendarYear[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(
        new QueryCommand({
          TableName: tableName('directory'),
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
          ExpressionAttributeValues: { ':p': k.pk, ':s': k.skPrefix },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const { year, holidays, makeupWorkdays, source, updatedAt } of page.Items ?? [])
        out.push({ year, holidays, makeupWorkdays, source, ...(updatedAt ? { updatedAt } : {}) } as CalendarYear);
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
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
