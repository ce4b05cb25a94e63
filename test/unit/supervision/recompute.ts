import { bjDay } from '../../../shared/platform/beijing-time.ts';
import { workdaysBetween, type Calendar } from '../../../shared/calendar/working-days.ts';
import type { CaseRecord } from '../../../shared/cases/model.ts';
import type { Alert } from '../../../shared/supervision/alert.ts';
import type { Order } from '../../../shared/supervision/order.ts';
import { DEFAULT_RULES } from '../../../shared/supervision/rules.ts';
import { addInto, gauge, monthly, type TallyAdd, type TallyRow } from '../../../shared/supervision/tallies.ts';
import { levelOf } from '../../../shared/supervision/triggers.ts';
import { snapshotOf } from '../../../shared/supervision/watch.ts';

/**
 * The dashboard's counters recomputed from the cases themselves, their alerts and 督办单 — not
 * from the counters: taken in the month of acceptance, decided (on time or late, working days,
 * 即办 same day) in the month of decision, withdrawn, cards and 督办 in their months; the gauges
 * from each open case's level at `now`.
 */
export const recompute = (
  cases: readonly CaseRecord[],
  alerts: readonly Alert[],
  orders: readonly Order[],
  now: Date,
  cal: Calendar,
): Map<string, TallyRow> => {
  const rows = new Map<string, TallyRow>();
  const put = (ts: TallyAdd[]) => ts.forEach((t) => addInto(rows, t));
  const byId = new Map(cases.map((k) => [k.id, k]));
  const at = now.toISOString();
  for (const k of cases) {
    const who = { officeId: k.officeId, itemCode: k.itemCode, caseId: k.id };
    if (k.acceptedAt) put(monthly(k.acceptedAt, { ...who, staff: k.createdBy }, { taken: 1 }));
    if (k.decision) {
      const day = bjDay(new Date(k.decision.at));
      const immediate = k.kind === 'immediate';
      put(
        monthly(
          k.decision.at,
          { ...who, staff: k.decision.by },
          {
            decided: 1,
            [k.decision.onTime ? 'decidedOnTime' : 'decidedLate']: 1,
            decideWorkdays: workdaysBetween(k.acceptedOn!, day, cal),
            ...(immediate ? { immediateDecided: 1, ...(k.acceptedOn === day ? { immediateSameDay: 1 } : {}) } : {}),
          },
        ),
      );
    }
    if (k.status === 'withdrawn' && k.acceptedAt) put(monthly(k.withdrawal!.at, { ...who, staff: k.createdBy }, { withdrawn: 1 }));
    const open = Boolean(k.acceptedAt) && ['accepted', 'in_progress', 'suspended'].includes(k.status);
    const level = levelOf(snapshotOf(k), DEFAULT_RULES, cal, at);
    if (open || level !== 'none') put([gauge(k.officeId, k.id, { open: open ? 1 : 0, dueSoon: level === 'yellow' ? 1 : 0, overdue: level === 'red' ? 1 : 0 })]);
  }
  for (const a of alerts) {
    const k = byId.get(a.caseId)!;
    put(
      monthly(
        a.at,
        { officeId: a.officeId, itemCode: k.itemCode, caseId: k.id, staff: k.createdBy },
        a.trigger === 'order' ? { secondRed: 1 } : { [a.card]: 1 },
      ),
    );
  }
  for (const o of orders) {
    const k = byId.get(o.caseId)!;
    const who = { officeId: o.officeId, itemCode: k.itemCode, caseId: k.id, staff: k.createdBy };
    put(monthly(o.issuedAt, who, { orders: 1 }));
    if (o.response) put(monthly(o.response.at, who, { ordersAnswered: 1, ...(o.state === 'answered_late' ? { ordersLate: 1 } : {}) }));
  }
  return rows;
};
