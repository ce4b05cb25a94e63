import { memoryCaseStore, type MemoryCaseStore } from '../../../shared/cases/memory-cases.ts';
import type { CaseRecord } from '../../../shared/cases/model.ts';
import { memoryRatingStore, type MemoryRatingStore } from '../../../shared/ratings/memory-ratings.ts';
import type { RatingPorts, RatingSettings } from '../../../shared/ratings/ports.ts';
import { CAL, at, caseIn } from '../cases/fixtures.ts';

export { CAL, at, caseIn, CLERK, HEAD, OTHER_CLERK, SUPERVISOR, COUNTY_ACTOR, OFFICE, OTHER_OFFICE, META, principal } from '../cases/fixtures.ts';

/**
 * A small world for the rating use cases: the cases' and the ratings' in-memory stores, the
 * November 2026 calendar of the cases fixtures (holiday on Thursday 11-05), a hand-moved clock.
 */
export interface RatingWorld {
  ports: RatingPorts & { ratings: MemoryRatingStore; cases: MemoryCaseStore };
  setNow(d: Date): void;
  /** A decided case of the demo office, stored. */
  decided(over?: Partial<CaseRecord>): CaseRecord;
}

export const ratingWorld = (start = at('2026-11-09'), settings: RatingSettings = { callbackWorkdays: 1, rectifyWorkdays: 15 }): RatingWorld => {
  let now = start;
  const cases = memoryCaseStore();
  const ratings = memoryRatingStore();
  return {
    ports: { ratings, cases, calendar: async () => ({ cal: CAL }), clock: () => now, settings },
    setNow: (d) => {
      now = d;
    },
    decided: (over = {}) => {
      const c = caseIn('decided', over);
      cases.seed(c);
      return c;
    },
  };
};
