import { bjDay, bjEndOfDay, bjStartOfDay } from '../platform/beijing-time.ts';
import { addDays, addWorkdays, isWorkday, stepDay, type Calendar } from '../calendar/working-days.ts';
import type { SupervisionRules } from './rules.ts';
import type { Card, Level, WatchedCase } from './watch.ts';

/**
 * The cards a case can earn, each a transition with its own key: given once per key, so a case
 * that goes yellow then red gets exactly one of each, and an extension (a new due time) starts
 * over with new keys. Pure: the scan, the demo seed and the tests all ask the same function.
 */
/** `rating`: a 差评's callback or rectification deadline passed (raised by the ratings context, not a case transition). */
export type Trigger = 'due' | 'immediate' | 'phase' | 'suspension' | 'order' | 'rating';

export interface Transition {
  key: string;
  card: Card;
  trigger: Trigger;
  /** The instant it falls due. */
  at: string;
  /** The office that must act. */
  officeId: string;
  reason: string;
}

export interface Evaluation {
  /** Transitions due now and not given yet. */
  due: Transition[];
  /** Due but passed over: a yellow card once the red one of the same limit is due. */
  skipped: string[];
  level: Level;
  /** The next instant something can change; absent when nothing more can. */
  nextAt?: string;
}

const MS = 1;
const after = (iso: string): string => new Date(Date.parse(iso) + MS).toISOString();
const running = (c: WatchedCase) => c.status === 'accepted' || c.status === 'in_progress';

/** The `n`th working day before `day` (n = 0: the day itself). */
export const workdaysBefore = (day: string, n: number, cal: Calendar): string => {
  let d = day;
  for (let left = n; left > 0;) {
    d = stepDay(d, -1, 'dueDate');
    if (isWorkday(d, cal)) left--;
  }
  return d;
};

/** When the yellow card of a promised case falls due (start of a Beijing day). */
export const yellowAtOf = (c: WatchedCase, rules: SupervisionRules, cal: Calendar): string | undefined => {
  if (!c.dueDate || !c.acceptedOn) return undefined;
  const total = c.promisedDays + (c.extension?.days ?? 0);
  const byShare = rules.yellowShare === undefined ? 0 : Math.floor((1 - rules.yellowShare) * total + 1e-9);
  const lead = Math.max(rules.yellowLeadWorkdays, byShare);
  const firstWorkday = addWorkdays(c.acceptedOn, 1, cal).dueDate;
  const day = workdaysBefore(c.dueDate, lead, cal);
  return bjStartOfDay(day < firstWorkday ? firstWorkday : day);
};

const transitionsOf = (c: WatchedCase, rules: SupervisionRules, cal: Calendar): Transition[] => {
  const out: Transition[] = [];
  const owner = c.officeId;
  if (running(c) && c.dueAt && c.dueDate) {
    if (c.kind === 'immediate') {
      if (rules.immediateCard !== 'off' && c.acceptedOn)
        out.push({
          key: `immediate:${c.acceptedOn}`,
          card: rules.immediateCard,
          trigger: 'immediate',
          at: after(bjEndOfDay(c.acceptedOn)),
          officeId: owner,
          reason: `即办件未于受理当日（${c.acceptedOn}）办结`,
        });
    } else {
      const yellowAt = yellowAtOf(c, rules, cal);
      if (yellowAt)
        out.push({ key: `yellow:due:${c.dueAt}`, card: 'yellow', trigger: 'due', at: yellowAt, officeId: owner, reason: `即将到期：承诺 ${c.dueDate} 前办结` });
      out.push({ key: `red:due:${c.dueAt}`, card: 'red', trigger: 'due', at: after(c.dueAt), officeId: owner, reason: `已超过承诺时限（${c.dueDate} 到期）` });
    }
  }
  if (running(c) && rules.phaseCard !== 'off') {
    for (const ph of c.phases ?? []) {
      if (ph.endedAt) continue;
      const from = bjDay(new Date(ph.startedAt));
      if (ph.dueAt) {
        out.push({
          key: `phase:${ph.id}:${ph.dueAt}`,
          card: rules.phaseCard,
          trigger: 'phase',
          at: after(ph.dueAt),
          officeId: ph.officeId,
          reason: `${ph.label}超过时限（${bjDay(new Date(ph.dueAt))} 到期，自 ${from}）`,
        });
        continue;
      }
      if (ph.limitWorkdays === undefined) continue;
      const limit = bjEndOfDay(addWorkdays(from, ph.limitWorkdays, cal).dueDate);
      out.push({
        key: `phase:${ph.id}:${ph.limitWorkdays}`,
        card: rules.phaseCard,
        trigger: 'phase',
        at: after(limit),
        officeId: ph.officeId,
        reason: `${ph.label}超过时限（${ph.limitWorkdays} 个工作日，自 ${from}）`,
      });
    }
  }
  const open = c.status === 'suspended' ? c.suspensions.at(-1) : undefined;
  if (open && !open.to && rules.suspensionCard !== 'off') {
    // the announced days count from the first day of the procedure
    const ends = bjEndOfDay(addWorkdays(addDays(open.from, -1), open.expectedDays, cal).dueDate);
    out.push({
      key: `suspension:${open.from}:${open.expectedDays}`,
      card: rules.suspensionCard,
      trigger: 'suspension',
      at: after(ends),
      officeId: c.handedTo ?? owner,
      reason: `特别程序（${open.procedure}）超过预计 ${open.expectedDays} 个工作日（自 ${open.from}）`,
    });
  }
  return out;
};

/** How far the case's own limit is gone at `now` (for the due-soon and overdue gauges). */
export const levelOf = (c: WatchedCase, rules: SupervisionRules, cal: Calendar, now: string): Level => {
  if (!running(c) || !c.dueAt) return 'none';
  if (now > c.dueAt) return 'red';
  const yellowAt = c.kind === 'immediate' ? undefined : yellowAtOf(c, rules, cal);
  return yellowAt && now >= yellowAt ? 'yellow' : 'none';
};

export const evaluate = (c: WatchedCase, given: Readonly<Record<string, string>>, rules: SupervisionRules, cal: Calendar, now: string): Evaluation => {
  const all = transitionsOf(c, rules, cal);
  const dueNow = all.filter((t) => t.at <= now && !given[t.key]);
  // once the red card of a limit is due, its yellow warning has nothing left to warn of
  const redDue = new Set(dueNow.filter((t) => t.trigger === 'due' && t.card === 'red').map((t) => t.key.slice('red:'.length)));
  const skipped = dueNow.filter((t) => t.trigger === 'due' && t.card === 'yellow' && redDue.has(t.key.slice('yellow:'.length))).map((t) => t.key);
  const due = dueNow.filter((t) => !skipped.includes(t.key));
  const future = all
    .map((t) => t.at)
    .filter((at) => at > now)
    .sort();
  return { due, skipped, level: levelOf(c, rules, cal, now), ...(future[0] ? { nextAt: future[0] } : {}) };
};
