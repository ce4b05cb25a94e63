/**
 * The to-do list's words and shapes, as the web shows them: no zod and no adapters here, so the
 * workbench and the menu import them without bundling the server side.
 */
export const TODO_KINDS = ['sign_for', 'supplement', 'hand_back', 'order', 'rectify', 'due_soon', 'home_visit'] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export const TODO_KIND_LABELS: Record<TodoKind, string> = {
  sign_for: '待签收',
  supplement: '待补正',
  hand_back: '待回交',
  order: '督办',
  rectify: '差评整改',
  due_soon: '临近到期',
  home_visit: '上门服务',
};

/**
 * One thing a person must do next, with its deadline and the page that does it; the menu's numbers;
 * the list. Their one definition is the published response schema (./responses.ts, type-only here:
 * no zod reaches the web through this module).
 */
export type { Todo, TodoCounts, TodoList } from './responses.ts';
