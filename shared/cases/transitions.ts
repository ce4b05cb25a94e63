import type { Scope } from '../identity/scopes.ts';
import type { CaseStatus } from './model.ts';

/**
 * The case state machine as data: which statuses allow each action, and the scope it needs.
 * The lifecycle use cases enforce it; the web derives the buttons it shows from it (never a copy).
 */
export const CASE_ACTIONS = {
  supplement: { label: '补正受理', from: ['awaiting_supplement'], scope: 'case.accept' },
  start: { label: '开始办理', from: ['accepted'], scope: 'case.handle' },
  suspend: { label: '进入特别程序', from: ['accepted', 'in_progress'], scope: 'case.handle' },
  resume: { label: '恢复办理', from: ['suspended'], scope: 'case.handle' },
  extend: { label: '延期', from: ['accepted', 'in_progress'], scope: 'case.extend' },
  fees: { label: '登记收费', from: ['accepted', 'in_progress', 'decided'], scope: 'case.handle' },
  decide: { label: '办结', from: ['accepted', 'in_progress'], scope: 'case.decide' },
  deliver: { label: '送达', from: ['decided'], scope: 'case.handle' },
  withdraw: { label: '撤回', from: ['awaiting_supplement', 'accepted', 'in_progress', 'suspended'], scope: 'case.handle' },
  // the network (shared/network): hops between offices, each a message on the delegation queue
  forward: { label: '转报', from: ['accepted', 'in_progress'], scope: 'case.handle' },
  receive: { label: '签收', from: ['accepted', 'in_progress'], scope: 'case.handle' },
  return: { label: '回复', from: ['accepted', 'in_progress', 'decided'], scope: 'case.handle' },
  assign: { label: '交办', from: ['accepted', 'in_progress', 'suspended'], scope: 'case.handle' },
  taskReceive: { label: '签收任务', from: ['accepted', 'in_progress', 'suspended'], scope: 'case.handle' },
  taskAnswer: { label: '办结任务', from: ['accepted', 'in_progress', 'suspended'], scope: 'case.handle' },
  handBack: { label: '回交代办点', from: ['decided', 'not_accepted'], scope: 'case.handle' },
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
