import type { Scope } from '../platform/scopes.ts';
import { ACTION_LABELS } from '../audit/labels.ts';
import type { CaseRecord, CaseStatus } from './model.ts';
import { inTransit } from './phases.ts';

/**
 * The case state machine as data: which statuses allow each action, and the scope it needs.
 * The lifecycle use cases enforce it; the web derives the buttons it shows from it (never a copy).
 * Each label is the audit log's for the action (one wording, kept in audit/labels.ts).
 */
export const CASE_ACTIONS = {
  supplement: { label: ACTION_LABELS['case.supplement'], from: ['awaiting_supplement'], scope: 'case.accept' },
  start: { label: ACTION_LABELS['case.start'], from: ['accepted'], scope: 'case.handle' },
  suspend: { label: ACTION_LABELS['case.suspend'], from: ['accepted', 'in_progress'], scope: 'case.handle' },
  resume: { label: ACTION_LABELS['case.resume'], from: ['suspended'], scope: 'case.handle' },
  extend: { label: ACTION_LABELS['case.extend'], from: ['accepted', 'in_progress'], scope: 'case.extend' },
  fees: { label: ACTION_LABELS['case.fees'], from: ['accepted', 'in_progress', 'decided'], scope: 'case.handle' },
  decide: { label: ACTION_LABELS['case.decide'], from: ['accepted', 'in_progress'], scope: 'case.decide' },
  deliver: { label: ACTION_LABELS['case.deliver'], from: ['decided'], scope: 'case.handle' },
  withdraw: { label: ACTION_LABELS['case.withdraw'], from: ['awaiting_supplement', 'accepted', 'in_progress', 'suspended'], scope: 'case.handle' },
  // the network (shared/network): hops between offices, each a message on the delegation queue
  forward: { label: ACTION_LABELS['case.forward'], from: ['accepted', 'in_progress'], scope: 'case.handle' },
  receive: { label: ACTION_LABELS['case.receive'], from: ['accepted', 'in_progress'], scope: 'case.handle' },
  return: { label: ACTION_LABELS['case.return'], from: ['accepted', 'in_progress', 'decided'], scope: 'case.handle' },
  assign: { label: ACTION_LABELS['case.task'], from: ['accepted', 'in_progress', 'suspended'], scope: 'case.handle' },
  taskReceive: { label: ACTION_LABELS['case.task-receive'], from: ['accepted', 'in_progress', 'suspended'], scope: 'case.handle' },
  taskAnswer: { label: ACTION_LABELS['case.task-answer'], from: ['accepted', 'in_progress', 'suspended'], scope: 'case.handle' },
  handBack: { label: ACTION_LABELS['case.hand-back'], from: ['decided', 'not_accepted'], scope: 'case.handle' },
} as const satisfies Record<string, { label: string; from: readonly CaseStatus[]; scope: Scope }>;

export type CaseAction = keyof typeof CASE_ACTIONS;

/** Actions of the network (转报, 签收, 回复, 交办, 回交): they also depend on the hop, not only the status. */
export const NETWORK_ACTIONS = ['forward', 'receive', 'return', 'assign', 'taskReceive', 'taskAnswer', 'handBack'] as const satisfies readonly CaseAction[];
export type NetworkAction = (typeof NETWORK_ACTIONS)[number];
/** The actions of one office on its own case (lifecycle.ts). */
export type LifecycleAction = Exclude<CaseAction, NetworkAction>;

/** The actions a status allows (before scopes and office are checked). */
export const allowedActions = (status: CaseStatus): CaseAction[] =>
  (Object.keys(CASE_ACTIONS) as CaseAction[]).filter((a) => (CASE_ACTIONS[a].from as readonly CaseStatus[]).includes(status));

/**
 * Why the holding office cannot take one of its own steps now although the status allows it: a hop
 * between offices under way (转报 not yet signed for, a 回复 or 回交 travelling), or the result
 * handed back (回交) to the village station, which delivers it to the applicant itself.
 */
export const heldBack = (c: Pick<CaseRecord, 'transfer' | 'handBack'>, action: LifecycleAction): string | undefined => {
  const moving = inTransit(c);
  if (moving) return moving;
  if (action === 'deliver' && c.handBack) return '办理结果已回交代办点，由代办员送达';
  return undefined;
};

/** The office's own steps on a case now (the server refuses the others; the web offers only these). */
export const lifecycleActionsOf = (c: Pick<CaseRecord, 'status' | 'transfer' | 'handBack'>): LifecycleAction[] =>
  allowedActions(c.status).filter((a): a is LifecycleAction => !(NETWORK_ACTIONS as readonly CaseAction[]).includes(a) && !heldBack(c, a as LifecycleAction));

/** The step a case in this status usually waits for: the page offers it first, as its primary button. */
export const NEXT_STEP: Partial<Record<CaseStatus, LifecycleAction>> = {
  awaiting_supplement: 'supplement',
  accepted: 'start',
  in_progress: 'decide',
  suspended: 'resume',
  decided: 'deliver',
};
