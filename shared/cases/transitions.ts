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
} as const satisfies Record<string, { label: string; from: readonly CaseStatus[]; scope: Scope }>;

export type CaseAction = keyof typeof CASE_ACTIONS;

/** The actions a status allows (before scopes and office are checked). */
export const allowedActions = (status: CaseStatus): CaseAction[] =>
  (Object.keys(CASE_ACTIONS) as CaseAction[]).filter((a) => (CASE_ACTIONS[a].from as readonly CaseStatus[]).includes(status));
