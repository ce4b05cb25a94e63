import { describe, expect, it } from 'vitest';
import { calendarCache } from '../../../shared/calendar/load.ts';
import { memoryCalendarStore } from '../../../shared/calendar/memory-calendar.ts';
import { getCalendarYear, saveCalendarYear } from '../../../shared/calendar/years.ts';
import { dueDate } from '../../../shared/calendar/due-date.ts';
import type { Principal } from '../../../shared/identity/principal.ts';

const admin: Principal = {
  userId: 'u-admin',
  username: 'admin',
  displayName: '县管理员',
  officeId: '411521-center',
  roles: ['county_admin'],
  scopes: ['session', 'calendar.edit'],
  sessionId: 's1',
};
const meta = { sourceIp: '10.0.0.1', userAgent: 'vitest' };
// a made-up 2027 arrangement: 02-08…02-12 off, Sunday 02-07 worked
const y2027 = {
  year: 2027,
  holidays: ['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
  makeupWorkdays: ['2027-02-07'],
  source: '测试数据',
};

const setup = () => {
  let ms = Date.parse('2026-11-20T02:00:00Z');
  const store = memoryCalendarStore();
  const cache = calendarCache(store, { clock: () => ms });
  const ports = { store, cache, clock: () => new Date(ms) };
  return { store, cache, ports, advance: (by: number) => (ms += by) };
};

describe('the calendar cache', () => {
  it('reads the stored years once a minute, and concurrent loads share one read', async () => {
    const { store, cache, advance } = setup();
    await Promise.all([cache.load(), cache.load(), cache.load()]);
    expect(store.reads).toBe(1);
    advance(59_000);
    await cache.load();
    expect(store.reads).toBe(1);
    advance(1_000);
    await cache.load();
    expect(store.reads).toBe(2);
  });

  it('seeded years are there with nothing stored; a stored year overrides its seed', async () => {
    const { store, cache } = setup();
    expect((await cache.load()).years.map((y) => y.year)).toEqual([2025, 2026]);
    await store.saveYear(
      { year: 2026, holidays: [], makeupWorkdays: [], source: '改过', updatedAt: 'x' },
      { actor: { anonymous: 'x' }, action: 'calendar.year.put', result: 'success', sourceIp: '', userAgent: '' },
    );
    cache.forget();
    const { years, cal } = await cache.load();
    expect(years.find((y) => y.year === 2026)?.source).toBe('改过');
    expect(cal.holidays.has('2026-10-01')).toBe(false);
    expect(cal.holidays.has('2025-10-01')).toBe(true);
  });

  it('a load started before forget() does not put the older years back', async () => {
    const { store, cache } = setup();
    const first = cache.load();
    cache.forget();
    await first;
    await cache.load();
    expect(store.reads).toBe(2);
  });
});

describe('calendar use cases', () => {
  it('saving a year writes it with its audit event and the next due date uses it at once', async () => {
    const { store, ports } = setup();
    expect(await dueDate(ports, undefined, { from: '2027-02-05', workdays: 5 })).toEqual({ dueDate: '2027-02-12', provisional: true });
    const saved = await saveCalendarYear(ports, admin, { year: 2027, arrangement: y2027 }, meta);
    expect(saved.updatedAt).toBe('2026-11-20T02:00:00.000Z');
    expect(store.audits).toEqual([
      {
        actor: { userId: 'u-admin', username: 'admin', officeId: '411521-center', displayName: '县管理员' },
        action: 'calendar.year.put',
        target: { type: 'calendar', id: '2027' },
        result: 'success',
        ...meta,
      },
    ]);
    // no minute passed: the saving container forgot its copy
    expect(await dueDate(ports, undefined, { from: '2027-02-05', workdays: 5 })).toEqual({ dueDate: '2027-02-18', provisional: false });
    expect(await getCalendarYear(ports, admin, { year: 2027 })).toEqual({ year: saved, missing: false });
  });

  it('refuses a body whose year is not the one in the path, naming the field, and writes nothing', async () => {
    const { store, ports } = setup();
    const r = saveCalendarYear(ports, admin, { year: 2028, arrangement: y2027 }, meta);
    await expect(r).rejects.toMatchObject({ code: 'VALIDATION', fields: [{ path: 'year', message: '应为 2028' }] });
    expect(await store.storedYears()).toEqual([]);
    expect(store.audits).toEqual([]);
  });

  it('a failed write leaves no year, no audit event and the cached calendar as it was', async () => {
    const { store, ports } = setup();
    await ports.cache.load();
    store.failNextSave();
    await expect(saveCalendarYear(ports, admin, { year: 2027, arrangement: y2027 }, meta)).rejects.toThrow();
    expect(store.audits).toEqual([]);
    expect((await getCalendarYear(ports, admin, { year: 2027 })).missing).toBe(true);
  });

  it('a year nobody entered is answered as missing, empty', async () => {
    const { ports } = setup();
    expect(await getCalendarYear(ports, admin, { year: 2030 })).toEqual({ year: { year: 2030, holidays: [], makeupWorkdays: [], source: '' }, missing: true });
    expect((await getCalendarYear(ports, admin, { year: 2026 })).year.source).toMatch(/2026年部分节假日安排/);
  });
});
