import { buildCalendar } from '../../../shared/calendar/working-days.ts';
import { SEED_YEARS } from '../../../shared/calendar/seed-years.ts';
import { memorySealer } from '../../../shared/cases/memory-sealer.ts';
import type { Principal } from '../../../shared/identity/principal.ts';
import { memoryHallStore } from '../../../shared/hall/memory-hall.ts';
import type { HallPorts, HallStore } from '../../../shared/hall/ports.ts';
import { hallSettingsSchema, type HallSettings } from '../../../shared/hall/settings.ts';

/** A hall world: the 2025–2026 calendar (国庆 and 调休 included), a hand-moved clock, one demo office. */
export const OFFICE = '411521-lingshan';
export const CAL = buildCalendar(SEED_YEARS);
export const META = { sourceIp: '10.0.0.1', userAgent: 'vitest' };

export const settingsWith = (over: Partial<HallSettings> = {}, capacity = 5): HallSettings =>
  hallSettingsSchema.parse({
    bookingDays: 5,
    latestBookingMinutes: 30,
    latestCancelMinutes: 120,
    noShow: { limit: 2, withinDays: 30, blockDays: 30 },
    offices: [
      {
        officeId: OFFICE,
        name: '灵山镇便民服务中心',
        hours: [
          { from: '09:00', to: '12:00' },
          { from: '14:00', to: '17:00' },
        ],
        slotMinutes: 30,
        groups: [
          { id: 'general', name: '综合受理', capacity, queue: 'A' },
          { id: 'sb', name: '社保业务', capacity: 2, queue: 'B', items: ['SB-1'] },
        ],
        queues: [
          { code: 'A', name: '综合受理' },
          { code: 'B', name: '社保业务' },
        ],
        windows: [
          { no: '1', queues: ['A'] },
          { no: '2', queues: ['A', 'B'] },
          { no: '3', queues: ['B'] },
        ],
      },
    ],
    ...over,
  });

export const clerk = (userId: string, officeId = OFFICE): Principal => ({
  userId,
  username: userId,
  displayName: userId,
  officeId,
  roles: ['window_clerk'],
  scopes: ['session', 'case.accept'],
  sessionId: 's',
});

export interface HallWorld {
  ports: HallPorts;
  setNow(iso: string): void;
}

const ITEMS = new Set(['GEN-1', 'GEN-2', 'SB-1']);

export const hallWorld = (now: string, opts: { store?: HallStore; settings?: HallSettings } = {}): HallWorld => {
  let t = new Date(now);
  const settings = opts.settings ?? settingsWith();
  return {
    ports: {
      hall: opts.store ?? memoryHallStore(),
      sealer: memorySealer(),
      catalog: { getPublishedItem: async (code) => (ITEMS.has(code) ? ({ item: { code, name: `事项 ${code}` }, version: 1 } as never) : undefined) },
      calendar: async () => ({ cal: CAL }),
      clock: () => t,
      settings,
    },
    setNow: (iso) => {
      t = new Date(iso);
    },
  };
};
