import { rates, type Counts } from './counters.ts';
import { CHANNEL_LABELS, LEVEL_LABELS, TASK_STATUS_LABELS, effectiveLevel, type Level, type Rating, type RectificationTask } from './model.ts';

/**
 * What each audience is shown of ratings and tasks. Browser-safe (the web imports these types):
 * nothing here reaches the SDK or Node.
 */

/** The citizen (and the evaluator): no ids, no staff, no personal data. */
export const publicRatingView = (r: Rating) => ({
  number: r.number,
  itemName: r.itemName,
  level: effectiveLevel(r),
  levelLabel: LEVEL_LABELS[effectiveLevel(r)],
  at: r.at,
  followUpAllowed: !r.followUp && !r.voided,
  ...(r.followUp ? { followUp: { text: r.followUp.text, at: r.followUp.at, ...(r.followUp.level ? { level: r.followUp.level } : {}) } } : {}),
});
export type PublicRatingView = ReturnType<typeof publicRatingView>;
export interface PublicRatingState {
  number: string;
  itemName: string;
  rated: boolean;
  rating?: PublicRatingView;
}

export interface EvaluatorPending {
  caseId: string;
  number: string;
  itemName: string;
  pushedAt: string;
  /** Every case of the visit the tap rates (一次一评), the pushed one first; absent: just that one. */
  cases?: Array<{ caseId: string; number: string; itemName: string }>;
}

/** Staff: the task with its labels and whether a deadline has passed. */
export const taskView = (t: RectificationTask, now: Date) => ({
  ...t,
  statusLabel: TASK_STATUS_LABELS[t.status],
  levelLabel: LEVEL_LABELS[t.level],
  channelLabel: CHANNEL_LABELS[t.channel],
  callbackOverdue: !t.callback && t.status !== 'voided' && t.status !== 'rectified' && now.toISOString() > t.callbackDueAt,
  rectifyOverdue: (t.status === 'open' || t.status === 'appealed') && now.toISOString() > t.rectifyDueAt,
});
export type TaskView = ReturnType<typeof taskView>;

export const ratingView = (r: Rating) => ({
  ...r,
  effectiveLevel: effectiveLevel(r) as Level,
  levelLabel: LEVEL_LABELS[effectiveLevel(r)],
  channelLabel: CHANNEL_LABELS[r.channel],
});
export type StaffRatingView = ReturnType<typeof ratingView>;

export const figures = (c: Counts) => ({ ...c, ...rates(c) });
export type Figures = ReturnType<typeof figures>;

export interface RatingStats {
  month: string;
  scope: 'county' | 'office';
  total: Figures;
  offices: Array<Figures & { officeId: string; officeName: string }>;
  items: Array<Figures & { itemCode: string; itemName: string }>;
  /** `staff` is the login name (stable, in the counters); `staffName` the name people know. */
  staff: Array<Figures & { staff: string; staffName: string; officeId: string; officeName: string }>;
}
