import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from '../audit/dynamo-audit.ts';
import { dynamo } from '../aws/clients.ts';
import type { CalendarYearStore } from './import-year.ts';
import { calendarStore } from './store.ts';

/** CalendarYearStore on the directory table (D6), with the calendar store's own item builder. */
export const dynamoCalendarYearStore = (): CalendarYearStore => ({
  storedYear: async (year) => (await calendarStore.storedYears()).find((y) => y.year === year),
  save: async (year, audit) => {
    await dynamo().send(new TransactWriteCommand({ TransactItems: [calendarStore.putItem(year), ...audit.map((a) => auditPut(a))] }));
  },
});
