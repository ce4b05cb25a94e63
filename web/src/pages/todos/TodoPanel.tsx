import { Alert, Button, Card, List, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { TODO_KIND_LABELS, TODO_KINDS, type Todo, type TodoKind } from '@shared/todos/model.ts';
import { bjDateTime } from '@shared/platform/beijing-time.ts';
import { errorText } from '../../shell/api.ts';
import { useTodos } from './queries.ts';

const KIND_COLORS: Record<TodoKind, string> = {
  sign_for: 'blue',
  supplement: 'orange',
  hand_back: 'purple',
  order: 'red',
  rectify: 'magenta',
  due_soon: 'gold',
  home_visit: 'cyan',
};

const TodoItem = ({ t }: { t: Todo }) => (
  <List.Item
    data-testid={`todo-${t.kind}`}
    actions={[
      <Link key="go" to={t.link} aria-label={`去办理：${t.label} ${t.number}`}>
        去办理
      </Link>,
    ]}
  >
    <List.Item.Meta
      title={
        <Space wrap size={4}>
          <Tag color={KIND_COLORS[t.kind]}>{TODO_KIND_LABELS[t.kind]}</Tag>
          <span>{t.label}</span>
          <Typography.Text type="secondary">{t.number}</Typography.Text>
        </Space>
      }
      description={
        <>
          <div>
            {t.itemName}
            {t.applicantName ? ` · ${t.applicantName}` : ''}
            {t.detail ? ` · ${t.detail.length > 60 ? `${t.detail.slice(0, 60)}…` : t.detail}` : ''}
          </div>
          <div data-testid="todo-due">
            {t.late ? <Tag color="red">已超时</Tag> : null}
            时限：{bjDateTime(t.due)}
          </div>
        </>
      }
    />
  </List.Item>
);

/** 待办 on the workbench: what the person must do next, most urgent first, each with its deadline and a link to act. */
export default function TodoPanel() {
  const q = useTodos();
  const counts = q.data?.counts;
  return (
    <Card
      title={
        <Space wrap>
          <span>待办</span>
          {counts && counts.late > 0 && <Tag color="red">{`${counts.late} 项已超时`}</Tag>}
        </Space>
      }
      data-testid="todo-panel"
      extra={
        <Button size="small" onClick={() => void q.refetch()} loading={q.isFetching}>
          刷新
        </Button>
      }
    >
      {counts && counts.total > 0 && (
        <Space wrap style={{ marginBottom: 8 }} data-testid="todo-counts">
          {TODO_KINDS.filter((k) => counts[k] > 0).map((k) => (
            <Tag key={k} color={KIND_COLORS[k]} data-testid={`todo-count-${k}`}>
              {`${TODO_KIND_LABELS[k]} ${counts[k]}`}
            </Tag>
          ))}
        </Space>
      )}
      {q.isPending && <Spin />}
      {q.isError && (
        <Alert
          type="error"
          showIcon
          message={`无法读取待办：${errorText(q.error)}`}
          action={
            <Button size="small" onClick={() => void q.refetch()}>
              重试
            </Button>
          }
        />
      )}
      {q.data && (
        <List
          dataSource={q.data.todos}
          locale={{ emptyText: '暂无待办事项' }}
          rowKey={(t) => `${t.kind}-${t.caseId ?? t.commissionId}-${t.orderId ?? ''}-${t.label}`}
          renderItem={(t) => <TodoItem t={t} />}
          pagination={q.data.todos.length > 20 ? { pageSize: 20, size: 'small', hideOnSinglePage: true } : false}
        />
      )}
    </Card>
  );
}
