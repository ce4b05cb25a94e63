import * as z from 'zod';
import { TODO_KINDS } from './model.ts';

/**
 * `GET /api/todos` as published (the OpenAPI document, shared/openapi/responses.ts): the server's
 * `TodoList` must fit it (test/unit/openapi/responses.test.ts), the web takes its type from it.
 */
/** One thing a person must do next, with its deadline and the page that does it. */
const todo = z.object({
  kind: z.enum(TODO_KINDS),
  /** What to do, in Chinese: 待签收：转报件, 待回复, 待回交, 回交待送达, 督办待反馈, 差评待回访… */
  label: z.string().max(100),
  /** The case it is about; null for a commission not taken in yet (its id is `commissionId`). */
  caseId: z.string().max(100).nullable(),
  commissionId: z.string().max(100).optional(),
  orderId: z.string().max(100).optional(),
  visitId: z.string().max(100).optional(),
  number: z.string().max(50),
  itemName: z.string().max(200),
  applicantName: z.string().max(100).optional().meta({ description: '已脱敏' }),
  due: z.string().max(40).meta({ description: '截止时刻（ISO 8601）：县工作日历的北京时间工作日结束' }),
  late: z.boolean(),
  missing: z.array(z.string().max(200)).max(200).optional(),
  detail: z.string().max(2000).optional(),
  link: z.string().max(300).meta({ description: '办理它的页面' }),
});

const count = z.number().int().min(0);

export const todoListResponse = z.object({
  todos: z.array(todo).max(10_000),
  /** The menu's numbers: per kind, all of them, and how many are late. */
  counts: z.object({
    sign_for: count,
    supplement: count,
    hand_back: count,
    order: count,
    rectify: count,
    due_soon: count,
    home_visit: count,
    total: count,
    late: count,
  }),
});
export type TodoList = z.infer<typeof todoListResponse>;
export type Todo = TodoList['todos'][number];
export type TodoCounts = TodoList['counts'];
