import { RUNNING } from '../cases/model.ts';
import type { CaseStatus } from '../cases/model.ts';
import type { Card, DayFigures, OpenCase, SupervisionStore } from './store.ts';

/** A case as far as supervision sees it; the fake derives the open-by-due index from it, as the cases table does. */
export interface SupervisedCase extends OpenCase {
  status: CaseStatus;
}

/** SupervisionStore in memory for unit tests, with the same conditions as the DynamoDB adapter. */
export interface MemorySupervisionStore extends SupervisionStore {
  put(c: SupervisedCase): void;
  get(id: string): SupervisedCase | undefined;
  setDay(day: string, figures: Partial<DayFigures>): void;
  /** How many card writes were attempted (successful or refused). */
  readonly cardWrites: number;
}

const ZERO: DayFigures = { taken: 0, decidedOnTime: 0, decidedLate: 0, immediateSameDay: 0 };

export const memorySupervisionStore = (): MemorySupervisionStore => {
  const cases = new Map<string, SupervisedCase>();
  const days = new Map<string, DayFigures>();
  let cardWrites = 0;
  return {
    get cardWrites() {
      return cardWrites;
    },
    put: (c) => void cases.set(c.id, structuredClone(c)),
    get: (id) => structuredClone(cases.get(id)),
    setDay: (day, f) => void days.set(day, { ...ZERO, ...f }),
    openDueBy: async (horizon) => ({
      // sparse index: only running cases with a due time
      cases: [...cases.values()]
        .filter((c) => RUNNING.includes(c.status) && c.dueAt && c.dueAt <= horizon)
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
        .map(({ status: _s, ...open }) => structuredClone(open)),
      consumedRcu: 0,
    }),
    markCard: async (id: string, card: Card, at: string, dueAt: string) => {
      cardWrites += 1;
      const c = cases.get(id);
      const attr = card === 'red' ? 'redCardAt' : 'yellowCardAt';
      if (!c || c[attr] || !RUNNING.includes(c.status) || c.dueAt !== dueAt) return false;
      c[attr] = at;
      return true;
    },
    countyDay: async (day) => ({ ...(days.get(day) ?? ZERO) }),
  };
};
