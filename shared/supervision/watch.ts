import type { CaseRecord } from '../cases/model.ts';
import { phasesOf, type HopsOfCase } from './phases.ts';

/**
 * What supervision follows of a case: a snapshot the cases context writes with every change that
 * matters (status, due time, hand-over, 特别程序, phases), beside the case item, with no personal
 * data. The scan reads only snapshots due for a look — never the open cases as a whole, and never
 * cases whose cards were all given.
 */
export type Card = 'yellow' | 'red';

/**
 * One hop's clock (`phases.ts` reads them off the network's hops; a case may also carry `phases`):
 * who must act, since when, and the limit — an instant (`dueAt`, as the network's hops carry it)
 * or working days from the start. A phase over its limit earns the county's phase card.
 */
export interface PhaseClock {
  /** Unique on the case, e.g. the hand-over's message id. */
  id: string;
  /** 转报签收, 交办签收, 回交… */
  label: string;
  officeId: string;
  startedAt: string;
  dueAt?: string;
  limitWorkdays?: number;
  endedAt?: string;
}

const FOLLOWED = [
  'id',
  'number',
  'itemCode',
  'itemName',
  'officeId',
  'handedTo',
  'kind',
  'status',
  'acceptedAt',
  'acceptedOn',
  'dueAt',
  'dueDate',
  'promisedDays',
  'extension',
  'suspensions',
  'decision',
  'withdrawal',
  'createdBy',
  'version',
  'phases',
] as const;

export type WatchedCase = Pick<CaseRecord, Exclude<(typeof FOLLOWED)[number], 'phases'>> & { phases?: PhaseClock[] };

/** The snapshot of a case: what the rules read, and no personal data (a small item: one write unit). */
export const snapshotOf = (c: CaseRecord & { phases?: PhaseClock[] }): WatchedCase => {
  const s = Object.fromEntries(FOLLOWED.filter((k) => c[k] !== undefined).map((k) => [k, c[k]])) as unknown as WatchedCase;
  const phases = phasesFollowed(c);
  return phases.length ? { ...s, phases } : s;
};

/** The case's own `phases`, and those its hops open (the network's `transfer`, `tasks`, `handBack`). */
const phasesFollowed = (c: CaseRecord & { phases?: PhaseClock[] }): PhaseClock[] => [...(c.phases ?? []), ...phasesOf(c as CaseRecord & HopsOfCase)];

/** Cases supervision follows: running, or in 特别程序 (whose announced days can run out). */
export const isWatched = (c: Pick<CaseRecord, 'status'> | undefined): boolean =>
  !!c && (c.status === 'accepted' || c.status === 'in_progress' || c.status === 'suspended');

/** The fields whose change makes supervision look again (anything else, e.g. fees, does not). */
export const watchSignature = (c: CaseRecord & { phases?: PhaseClock[] }): string =>
  JSON.stringify([c.status, c.dueAt, c.handedTo, c.suspensions, c.extension?.days, phasesFollowed(c)]);

export interface Counted {
  taken?: string;
  closed?: string;
}

/** How far a case's own limit is gone, for the gauges: due soon (yellow window) or overdue. */
export type Level = 'none' | 'yellow' | 'red';

export interface Watch {
  caseId: string;
  case: WatchedCase;
  /** The case version the snapshot was taken at (a look acts only on the snapshot it read). */
  caseVersion: number;
  /** The scan's own revision of this watch (two scans never settle it twice). */
  rev: number;
  /** Transition keys given (or passed over), with when. */
  given: Record<string, string>;
  /** What the dashboard counters already hold of this case (taken, closed), with when it happened. */
  counted: Counted;
  level: Level;
  /** When it is next due for a look; absent when nothing more can happen. */
  lookAt?: string;
}
