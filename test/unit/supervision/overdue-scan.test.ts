import { describe, expect, it } from 'vitest';
import { SEED_YEARS } from '../../../shared/calendar/seed-years.ts';
import { buildCalendar, endOfChinaDay } from '../../../shared/calendar/working-days.ts';
import { scanOverdue, scanSettingsFrom, type ScanPorts } from '../../../shared/supervision/overdue-scan.ts';
import { memorySupervisionStore, type SupervisedCase } from '../../../shared/supervision/memory-supervision.ts';
import { memoryNotifier } from '../../../shared/supervision/memory-notifier.ts';

const cal = buildCalendar(SEED_YEARS);
/** 10:00 Beijing on a China day. */
const at10 = (day: string) => new Date(`${day}T10:00:00+08:00`);

const kase = (id: string, dueDay: string, over: Partial<SupervisedCase> = {}): SupervisedCase => ({
  id,
  number: `411521-20261101-${id}`,
  itemName: '农村宅基地审批',
  officeId: '411521-lingshan',
  dueAt: endOfChinaDay(dueDay),
  status: 'in_progress',
  ...over,
});

const setup = (start: string) => {
  let now = at10(start);
  const store = memorySupervisionStore();
  const notifier = memoryNotifier();
  const ports: ScanPorts = { store, notifier, calendar: async () => ({ cal }), clock: () => now };
  return { store, notifier, ports, moveTo: (d: Date) => (now = d) };
};
const cardsOf = (n: ReturnType<typeof memoryNotifier>) => n.sent.map((s) => `${JSON.parse(s.message).card}:${JSON.parse(s.message).caseId}`);

describe('overdue scan (电子监察)', () => {
  // 2026-11-20 is a Friday: two working days on is Tuesday 11-24
  it('a yellow card two working days before the due day, a red card once past due', async () => {
    const { store, notifier, ports } = setup('2026-11-20');
    store.put(kase('tue', '2026-11-24'));
    store.put(kase('wed', '2026-11-25'));
    store.put(kase('thu-past', '2026-11-19'));
    const r = await scanOverdue(ports, { yellowCardWorkdays: 2 });
    expect(r).toEqual({ read: 2, yellow: 1, red: 1, consumedRcu: 0 });
    expect(cardsOf(notifier).sort()).toEqual(['red:thu-past', 'yellow:tue']);
    expect(store.get('tue')?.yellowCardAt).toBe('2026-11-20T02:00:00.000Z');
    expect(store.get('wed')?.yellowCardAt).toBeUndefined();
  });

  it('counts working days, not calendar days: over National Day a case due 10-09 is warned on 09-30', async () => {
    const { store, notifier, ports } = setup('2026-09-30');
    store.put(kase('after-holiday', '2026-10-09'));
    store.put(kase('later', '2026-10-12'));
    await scanOverdue(ports, { yellowCardWorkdays: 2 });
    expect(cardsOf(notifier)).toEqual(['yellow:after-holiday']);
  });

  it('follows the county threshold it is given', async () => {
    const { store, notifier, ports } = setup('2026-11-20');
    store.put(kase('today', '2026-11-20'));
    store.put(kase('monday', '2026-11-23'));
    await scanOverdue(ports, { yellowCardWorkdays: 0 });
    expect(cardsOf(notifier)).toEqual(['yellow:today']);
    await scanOverdue(ports, { yellowCardWorkdays: 1 });
    expect(cardsOf(notifier)).toEqual(['yellow:today', 'yellow:monday']);
  });

  it('gives each card exactly once however many scans run, then the red one when the day has passed', async () => {
    const { store, notifier, ports, moveTo } = setup('2026-11-20');
    store.put(kase('tue', '2026-11-24'));
    for (let i = 0; i < 5; i++) await scanOverdue(ports, { yellowCardWorkdays: 2 });
    expect(cardsOf(notifier)).toEqual(['yellow:tue']);
    moveTo(at10('2026-11-24'));
    await scanOverdue(ports, { yellowCardWorkdays: 2 });
    expect(cardsOf(notifier)).toEqual(['yellow:tue']);
    moveTo(new Date('2026-11-25T00:00:00+08:00'));
    const r = await Promise.all([1, 2, 3].map(() => scanOverdue(ports, { yellowCardWorkdays: 2 })));
    expect(r.reduce((n, x) => n + x.red, 0)).toBe(1);
    moveTo(at10('2026-11-26'));
    await scanOverdue(ports, { yellowCardWorkdays: 2 });
    expect(cardsOf(notifier)).toEqual(['yellow:tue', 'red:tue']);
  });

  it('does not even try to write a card the index item shows was given', async () => {
    const { store, ports } = setup('2026-11-20');
    store.put(kase('past', '2026-11-18'));
    await scanOverdue(ports, { yellowCardWorkdays: 2 });
    const writes = store.cardWrites;
    await scanOverdue(ports, { yellowCardWorkdays: 2 });
    expect(store.cardWrites).toBe(writes);
  });

  it('never cards a suspended, decided or delivered case', async () => {
    const { store, notifier, ports } = setup('2026-11-20');
    store.put(kase('s', '2026-11-18', { status: 'suspended' }));
    store.put(kase('d', '2026-11-18', { status: 'decided' }));
    store.put(kase('v', '2026-11-24', { status: 'delivered' }));
    store.put(kase('w', '2026-11-24', { status: 'awaiting_supplement' }));
    expect(await scanOverdue(ports, { yellowCardWorkdays: 2 })).toMatchObject({ read: 0, yellow: 0, red: 0 });
    expect(notifier.sent).toEqual([]);
  });

  it('does not card a case suspended (or moved) between the index read and the mark', async () => {
    const { store, notifier, ports } = setup('2026-11-20');
    store.put(kase('racing', '2026-11-18'));
    store.put(kase('moved', '2026-11-18'));
    const stale: ScanPorts = {
      ...ports,
      store: {
        ...store,
        openDueBy: async (h) => {
          const read = await store.openDueBy(h);
          store.put(kase('racing', '2026-11-18', { status: 'suspended' }));
          store.put(kase('moved', '2026-12-18'));
          return read;
        },
      },
    };
    expect(await scanOverdue(stale, { yellowCardWorkdays: 2 })).toMatchObject({ read: 2, red: 0, yellow: 0 });
    expect(notifier.sent).toEqual([]);
  });

  it('publishes the number, item, office and due time only', async () => {
    const { store, notifier, ports } = setup('2026-11-20');
    store.put(kase('x', '2026-11-19', { handedTo: '411521-nrb' }));
    await scanOverdue(ports, { yellowCardWorkdays: 2 });
    expect(notifier.sent).toEqual([
      {
        subject: '红牌：办件已超期',
        message: JSON.stringify({ card: 'red', caseId: 'x', number: '411521-20261101-x', itemName: '农村宅基地审批', officeId: '411521-lingshan', dueAt: '2026-11-19T15:59:59.999Z' }),
      },
    ]);
  });
});

describe('scan settings from the function configuration', () => {
  it('defaults to two working days and refuses nonsense', () => {
    expect(scanSettingsFrom({})).toEqual({ yellowCardWorkdays: 2 });
    expect(scanSettingsFrom({ YELLOW_CARD_WORKDAYS: '3' })).toEqual({ yellowCardWorkdays: 3 });
    expect(scanSettingsFrom({ YELLOW_CARD_WORKDAYS: '0' })).toEqual({ yellowCardWorkdays: 0 });
    for (const bad of ['x', '-1', '1.5', '11']) expect(() => scanSettingsFrom({ YELLOW_CARD_WORKDAYS: bad })).toThrow(/YELLOW_CARD_WORKDAYS/);
  });
});
