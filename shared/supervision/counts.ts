import { bjDay } from '../platform/beijing-time.ts';
import { workdaysBetween, type Calendar } from '../calendar/working-days.ts';
import { gauge, monthly, type TallyAdd } from './tallies.ts';
import type { Counted, WatchedCase } from './watch.ts';

/**
 * The dashboard counters of a case, counted once each by the scan as it looks at the case's
 * snapshot (in the same transaction that records them counted): taken in the month of acceptance,
 * decided (on time or late, working days used, 即办 same day) or withdrawn in the month it
 * happened, and the open-cases gauge. The scan is the one writer of these counters, so cases
 * taken in at once never contend for them.
 */
export const countsOf = (c: WatchedCase, counted: Counted, cal: Calendar): { tallies: TallyAdd[]; counted: Counted } => {
  const tallies: TallyAdd[] = [];
  const next: Counted = { ...counted };
  const base = { officeId: c.officeId, itemCode: c.itemCode, caseId: c.id };
  if (!counted.taken && c.acceptedAt) {
    tallies.push(...monthly(c.acceptedAt, { ...base, staff: c.createdBy }, { taken: 1 }), gauge(c.officeId, c.id, { open: 1 }));
    next.taken = c.acceptedAt;
  }
  const closedAt = c.decision?.at ?? (c.status === 'withdrawn' ? c.withdrawal?.at : undefined);
  if (!counted.closed && closedAt) {
    if (c.decision) {
      const day = bjDay(new Date(c.decision.at));
      const immediate = c.kind === 'immediate';
      tallies.push(
        ...monthly(
          c.decision.at,
          { ...base, staff: c.decision.by },
          {
            decided: 1,
            ...(c.decision.onTime ? { decidedOnTime: 1 } : { decidedLate: 1 }),
            decideWorkdays: c.acceptedOn ? workdaysBetween(c.acceptedOn, day, cal) : 0,
            ...(immediate ? { immediateDecided: 1 } : {}),
            ...(immediate && c.acceptedOn === day ? { immediateSameDay: 1 } : {}),
          },
        ),
      );
    } else tallies.push(...monthly(closedAt, { ...base, staff: c.createdBy }, { withdrawn: 1 }));
    if (next.taken) tallies.push(gauge(c.officeId, c.id, { open: -1 }));
    next.closed = closedAt;
  }
  return { tallies, counted: next };
};
