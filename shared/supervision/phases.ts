import type { CaseRecord } from '../cases/model.ts';
import type { PhaseClock } from './watch.ts';

/**
 * The phases a case's hops between offices open (the network context, branch h-network: a
 * `transfer` 转报/交办, `tasks` 交办/联办 parts, a `handBack` 回交 to the village station), as the
 * phase-card rule reads them. Written against the hops' shape rather than the network's module,
 * which is not on main yet: each hop carries its own limit as an instant (the network computes it
 * from the county's phase limits in working days), so supervision need not know those settings.
 *
 * A phase is open from the hop's sending until the receiving office acts (签收; the task answered;
 * the result arriving at the station); `endedAt` closes it, and a closed phase earns no card.
 */
export interface TransferHop {
  id: string;
  toOfficeId: string;
  sentAt: string;
  receiveDueAt: string;
  receivedAt?: string;
}
export interface TaskHop extends TransferHop {
  title: string;
  /** The part's own limit, inside the case's. */
  dueAt: string;
  answeredAt?: string;
}
export interface HandBackHop {
  id: string;
  sentAt: string;
  deliverDueAt: string;
  arrivedAt?: string;
}
/** The fields of a case the phases come from (all optional: most cases never leave their office). */
export interface HopsOfCase {
  transfer?: TransferHop;
  tasks?: readonly TaskHop[];
  handBack?: HandBackHop;
  commission?: { stationId: string };
}

const ended = (at: string | undefined) => (at ? { endedAt: at } : {});

export const phasesOf = (c: HopsOfCase): PhaseClock[] => {
  const out: PhaseClock[] = [];
  const t = c.transfer;
  if (t) out.push({ id: `transfer:${t.id}`, label: '转报签收', officeId: t.toOfficeId, startedAt: t.sentAt, dueAt: t.receiveDueAt, ...ended(t.receivedAt) });
  for (const k of c.tasks ?? []) {
    out.push({
      id: `task:${k.id}:receive`,
      label: `交办签收（${k.title}）`,
      officeId: k.toOfficeId,
      startedAt: k.sentAt,
      dueAt: k.receiveDueAt,
      ...ended(k.receivedAt),
    });
    // the part's own limit runs from the sending, whoever signs
    out.push({
      id: `task:${k.id}:answer`,
      label: `交办办理（${k.title}）`,
      officeId: k.toOfficeId,
      startedAt: k.sentAt,
      dueAt: k.dueAt,
      ...ended(k.answeredAt),
    });
  }
  const h = c.handBack;
  if (h && c.commission)
    out.push({
      id: `handback:${h.id}`,
      label: '回交代办点',
      officeId: c.commission.stationId,
      startedAt: h.sentAt,
      dueAt: h.deliverDueAt,
      ...ended(h.arrivedAt),
    });
  return out;
};

// The network's hops are what this file reads: a field renamed there is a compile error here.
export type HopsOfCaseRecord = Pick<CaseRecord, 'transfer' | 'tasks' | 'handBack' | 'commission'> extends HopsOfCase ? true : never;
export const HOPS_FIT: HopsOfCaseRecord = true;
