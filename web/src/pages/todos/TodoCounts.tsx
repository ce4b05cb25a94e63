import { Badge } from 'antd';
import type { TodoKind } from '@shared/todos/model.ts';
import { useTodos } from './queries.ts';

/** A menu label with a count from the to-do list (all of them, or of some kinds). */
const TodoCount = ({ label, kinds, testId }: { label: string; kinds?: readonly TodoKind[]; testId: string }) => {
  const todos = useTodos();
  const c = todos.data?.counts;
  const n = c ? (kinds ? kinds.reduce((sum, k) => sum + c[k], 0) : c.total) : 0;
  return (
    <span data-testid={testId}>
      {label} <Badge count={n} overflowCount={99} size="small" offset={[4, -2]} title={`${n} 项`} />
    </span>
  );
};

/** 工作台: everything waiting for the person. */
export const AllTodosCount = ({ label }: { label: string }) => <TodoCount label={label} testId="nav-todos" />;
/** 督办: orders the office must answer. */
export const OrderTodosCount = ({ label }: { label: string }) => <TodoCount label={label} kinds={['order']} testId="nav-todos-order" />;
/** 差评整改: bad ratings to call back and rectify (or, for a supervisor, appeals to decide). */
export const RectifyTodosCount = ({ label }: { label: string }) => <TodoCount label={label} kinds={['rectify']} testId="nav-todos-rectify" />;
