import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../support/local-stack.ts';
import { dynamoCalendarStore } from '../../../shared/calendar/dynamo-calendar.ts';
import { resetRuntimeConfig } from '../../../shared/platform/runtime-config.ts';
import { dynamoAuditReader } from '../../../shared/audit/dynamo-audit-reader.ts';
import { calendarCache } from '../../../shared/calendar/load.ts';
import { saveCalendarYear } from '../../../shared/calendar/years.ts';
import type { Principal } from '../../../shared/identity/principal.ts';
import { calendarStoreContract } from '../../unit/calendar/store-contract.ts';

/** The calendar adapter on DynamoDB Local (D6): a year and its audit event, all or nothing. */
describe('calendar store on DynamoDB Local', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  const admin: Principal = {
    userId: 'u-admin',
    username: 'admin',
    displayName: '管理员',
    officeId: '411521-center',
    roles: ['county_admin'],
    scopes: ['session', 'calendar.edit'],
    sessionId: 's',
  };
  const meta = { sourceIp: '10.1.1.1', userAgent: 'vitest' };
  const y = (year: number, source: string) => ({ year, holidays: [`${year}-01-01`], makeupWorkdays: [], source });

  it('saves a year with its audit event and reads it back over the seeds', async () => {
    const store = dynamoCalendarStore();
    const ports = { store, cache: calendarCache(store), clock: () => new Date('2026-12-01T02:00:00Z') };
    await saveCalendarYear(ports, admin, { year: 2027, arrangement: y(2027, '国办发明电〔2026〕X号') }, meta);
    expect(await store.storedYears()).toEqual([{ ...y(2027, '国办发明电〔2026〕X号'), updatedAt: '2026-12-01T02:00:00.000Z' }]);
    expect((await ports.cache.load()).years.map((x) => x.year)).toEqual([2025, 2026, 2027]);
    const audit = await dynamoAuditReader().byTarget({ type: 'calendar', id: '2027' }, 10);
    expect(audit.events).toEqual([
      expect.objectContaining({
        action: 'calendar.year.put',
        at: '2026-12-01T02:00:00.000Z',
        actor: { userId: 'u-admin', username: 'admin', displayName: '管理员', officeId: '411521-center' },
        ...meta,
      }),
    ]);
  });

  it('writes nothing when the audit event cannot be written', async () => {
    const store = dynamoCalendarStore();
    const saved = process.env.TABLE_AUDIT;
    process.env.TABLE_AUDIT = `${stack.prefix}-missing`;
    resetRuntimeConfig(); // the environment is read once per container
    try {
      await expect(
        store.saveYear(
          { ...y(2028, '测试'), updatedAt: '2026-12-01T00:00:00.000Z' },
          { actor: { anonymous: 't' }, action: 'calendar.year.put', result: 'success', sourceIp: '', userAgent: '' },
        ),
      ).rejects.toThrow();
    } finally {
      process.env.TABLE_AUDIT = saved;
      resetRuntimeConfig();
    }
    expect((await store.storedYears()).map((x) => x.year)).not.toContain(2028);
  });

  // last: the contract's years (2091–2095) stay in the table
  describe('CalendarStore contract (DynamoDB Local)', () => calendarStoreContract(dynamoCalendarStore));
});
