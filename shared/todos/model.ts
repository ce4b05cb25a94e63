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

/** One thing a person must do next, with its deadline and the page that does it. */
export interface Todo {
  kind: TodoKind;
  /** What to do, in Chinese: 待签收：转报件, 待回复, 待回交, 回交待送达, 督办待反馈, 差评待回访… */
  label: string;
  /** The case it is about; null for a commission not taken in yet (its id is `commissionId`). */
  caseId: string | null;
  commissionId?: string;
  orderId?: string;
  /** 上门服务: the visit the agent closes. */
  visitId?: string;
  /** The case's 受理编号 (or the commission's 代办编号). */
  number: string;
  itemName: string;
  /** Masked, as every list shows it. */
  applicantName?: string;
  /** The deadline: an ISO instant, the end of a Beijing working day from the county's calendar. */
  due: string;
  late: boolean;
  /** 待补正: the materials still missing (一次性告知). */
  missing?: string[];
  /** More words: who sent it, the 督办 requirement, the 差评's reason. */
  detail?: string;
  /** The web page that acts on it. */
  link: string;
}

/** The menu's numbers: per kind, all of them, and how many are late. */
export type TodoCounts = Record<TodoKind, number> & { total: number; late: number };

export interface TodoList {
  todos: Todo[];
  counts: TodoCounts;
}
