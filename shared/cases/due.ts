import { bjEndOfDay } from '../platform/beijing-time.ts';
import type { Item } from '../catalog/item.ts';
import { addWorkdays, dueDateWithSuspensions, type Calendar } from '../calendar/working-days.ts';
import type { CaseRecord } from './model.ts';

/** Due date of a case accepted on a Beijing date: N working days later (即办件: the same day). */
export const dueOf = (item: Pick<Item, 'kind' | 'promisedDays'>, acceptedOn: string, cal: Calendar, extraDays = 0) => {
  const days = item.kind === 'immediate' ? 0 : (item.promisedDays ?? 0) + extraDays;
  const d = addWorkdays(acceptedOn, days, cal);
  return { dueDate: d.dueDate, dueAt: bjEndOfDay(d.dueDate), dueProvisional: d.provisional };
};

/** Due date from acceptance, the suspensions so far (行政许可法 第45条) and an approved extension. */
export const recomputeDue = (c: CaseRecord, cal: Calendar, today: string) => {
  if (!c.acceptedOn || c.kind === 'immediate') return {};
  const d = dueDateWithSuspensions(
    c.acceptedOn,
    c.promisedDays + (c.extension?.days ?? 0),
    c.suspensions.map((s) => ({ from: s.from, ...(s.to ? { to: s.to } : {}) })),
    cal,
    today,
  );
  return { dueDate: d.dueDate, dueAt: bjEndOfDay(d.dueDate), dueProvisional: d.provisional };
};
