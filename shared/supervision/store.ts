/**
 * 电子监察's persistence port: DynamoDB in dynamo-supervision.ts, in memory in
 * memory-supervision.ts. It reads the sparse open-by-due index (K5) and the daily counters (K10)
 * that the cases context keeps, and writes only the card marks on a case.
 */
export type Card = 'yellow' | 'red';

/** An open promised case as the open-by-due index holds it. No personal data is read. */
export interface OpenCase {
  id: string;
  number: string;
  itemName: string;
  officeId: string;
  handedTo?: string;
  dueAt: string;
  /** When each card was given, if it was (skips a write that would fail anyway). */
  yellowCardAt?: string;
  redCardAt?: string;
}

export interface DayFigures {
  taken: number;
  decidedOnTime: number;
  decidedLate: number;
  immediateSameDay: number;
}

export interface SupervisionStore {
  /**
   * Open promised cases due at or before `horizon` (an ISO instant), from every shard: the
   * reads grow with the cases due, never with all open cases. `consumedRcu` for the bench.
   */
  openDueBy(horizon: string): Promise<{ cases: OpenCase[]; consumedRcu: number }>;
  /**
   * Gives the card, once: true only for the one call that recorded it. False when the case
   * already has it, or is no longer running (suspended, decided…) or no longer due at `dueAt`
   * (the index is read eventually consistent; the case item is the truth).
   */
  markCard(caseId: string, card: Card, at: string, dueAt: string): Promise<boolean>;
  /** The whole county's counters of one China day (`YYYY-MM-DD`); zeros when nothing happened. */
  countyDay(day: string): Promise<DayFigures>;
}
