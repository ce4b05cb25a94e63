import type { Clock } from '../platform/clock.ts';
import { OPEN_TASK_STATUSES, type RectificationTask } from './model.ts';
import { RATING_CONFLICT, isRatingConflict } from './conflicts.ts';
import type { OverdueKind, RatingStore, RectificationAlert, RectificationAlerts } from './ports.ts';

/**
 * 差评整改 under 电子监察: a task whose callback (回访) or rectification (整改) deadline has passed
 * becomes a supervision alert, once per deadline. The rule is `dueAlerts`; the mark on the task
 * (`alerts.callback` / `alerts.rectify`, conditional on the task's version) makes it once.
 *
 * Alerts leave through the `RectificationAlerts` port, implemented by the alert inbox
 * (`shared/supervision/rating-alerts.ts`): stored with its outbox entry, keyed by case, kind and
 * deadline, so a re-raise after a failed run stays one alert; e-mail and webhooks get it from the
 * outbox as they get the cards. No personal data in it.
 */
/** The rule: which overdue alerts a task is due now (not raised before). An appeal under review pauses the rectification deadline's alert, not the callback's. */
export const dueAlerts = (t: RectificationTask, nowIso: string): OverdueKind[] => {
  if (!OPEN_TASK_STATUSES.includes(t.status)) return [];
  const out: OverdueKind[] = [];
  if (!t.callback && nowIso > t.callbackDueAt && !t.alerts?.callback) out.push('callback');
  if (t.status === 'open' && nowIso > t.rectifyDueAt && !t.alerts?.rectify) out.push('rectify');
  return out;
};

export const alertOf = (kind: OverdueKind, t: RectificationTask, raisedAt: string): RectificationAlert => ({
  kind: `rating.${kind}-overdue`,
  caseId: t.caseId,
  number: t.number,
  itemName: t.itemName,
  officeId: t.officeId,
  level: t.level,
  dueAt: kind === 'callback' ? t.callbackDueAt : t.rectifyDueAt,
  raisedAt,
});

export interface OverduePorts {
  ratings: Pick<RatingStore, 'openTasks' | 'commit'>;
  alerts: RectificationAlerts;
  clock: Clock;
}

/** The hourly scan: reads the open tasks only (a small, sparse partition), marks and raises what is due. */
export const scanRectifications = async (ports: OverduePorts) => {
  const nowIso = ports.clock().toISOString();
  const tasks = await ports.ratings.openTasks();
  const result = { read: tasks.length, callback: 0, rectify: 0 };
  for (const t of tasks) {
    const kinds = dueAlerts(t, nowIso);
    if (!kinds.length) continue;
    const marked: RectificationTask = { ...t, alerts: { ...t.alerts, ...Object.fromEntries(kinds.map((k) => [k, nowIso])) }, version: t.version + 1 };
    try {
      await ports.ratings.commit([{ op: 'update-task', task: marked, expectedVersion: t.version }], []);
    } catch (e) {
      // the head acted meanwhile (or the index lagged): the next run reads the task again
      if (isRatingConflict(e, RATING_CONFLICT.staleTask) || isRatingConflict(e, RATING_CONFLICT.busy)) continue;
      throw e;
    }
    for (const k of kinds) {
      await ports.alerts.raise(alertOf(k, t, nowIso));
      result[k]++;
    }
  }
  return result;
};
