import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditInput } from '../audit/audit.ts';
import { auditPut } from '../audit/dynamo-audit.ts';
import { dynamo } from '../aws/clients.ts';
import { tableName } from '../platform/env.ts';
import { directoryKeys } from '../db/keys.ts';
import { SEED_YEARS } from './seed-years.ts';
import { buildCalendar, type Calendar } from './working-days.ts';
import type { CalendarYear } from './year.ts';

/** Calendar years live in the directory table; stored years override the seeded ones. */
export const calendarStore = {
  async storedYears(): Promise<CalendarYear[]> {
    const k = directoryKeys.calendarYears();
    const r = await dynamo().send(
      new QueryCommand({
        TableName: tableName('directory'),
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
        ExpressionAttributeValues: { ':p': k.pk, ':s': k.skPrefix },
      }),
    );
    return (r.Items ?? []).map(({ year, holidays, makeupWorkdays, source, updatedAt }) => ({ year, holidays, makeupWorkdays, source, updatedAt }) as CalendarYear);
  },
  putItem(y: CalendarYear) {
    return { Put: { TableName: tableName('directory'), Item: { ...directoryKeys.calendarYear(y.year), ...y } } };
  },
};

export const mergeYears = (stored: readonly CalendarYear[]): CalendarYear[] => {
  const byYear = new Map<number, CalendarYear>(SEED_YEARS.map((y) => [y.year, y]));
  for (const y of stored) byYear.set(y.year, y);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
};

// cached per container for a minute: a calendar edit reaches every function within a minute
let cached: { at: number; cal: Calendar; years: CalendarYear[] } | undefined;
export const loadCalendar = async (now = Date.now()): Promise<{ cal: Calendar; years: CalendarYear[] }> => {
  if (cached && now - cached.at < 60_000) return cached;
  const years = mergeYears(await calendarStore.storedYears());
  cached = { at: now, cal: buildCalendar(years), years };
  return cached;
};

export const forgetCalendar = (): void => {
  cached = undefined;
};

/** The county admin enters a year's arrangement; audited in the same transaction. */
export const saveCalendarYear = async (year: CalendarYear, actor: AuditInput['actor'], meta: { sourceIp: string; userAgent: string }): Promise<CalendarYear> => {
  const saved = { ...year, updatedAt: new Date().toISOString() };
  await dynamo().send(
    new TransactWriteCommand({
      TransactItems: [
        calendarStore.putItem(saved),
        auditPut({ actor, action: 'calendar.year.put', target: { type: 'calendar', id: String(year.year) }, result: 'success', ...meta }),
      ],
    }),
  );
  forgetCalendar();
  return saved;
};
