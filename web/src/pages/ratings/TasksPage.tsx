import { bjDateTime, bjMonth } from '@shared/platform/beijing-time.ts';
import { useState } from 'react';
import { Card, DatePicker, Segmented, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import type { TaskView } from '@shared/ratings/views.ts';
import { errorText } from '../../shell/api.ts';
import { useTasks } from './queries.ts';

type View = 'open' | 'appealed' | 'closed';

/** 差评整改: open tasks of the office (the head), appeals under review (the supervisor), closed tasks by month. */
export default function TasksPage() {
  const [view, setView] = useState<View>('open');
  const [month, setMonth] = useState(bjMonth(new Date()));
  const tasks = useTasks(view, month);
  return (
    <Card title="差评整改">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Segmented<View>
            value={view}
            onChange={setView}
            options={[
              { label: '待整改', value: 'open' },
              { label: '申诉复核中', value: 'appealed' },
              { label: '已办结', value: 'closed' },
            ]}
          />
          {view === 'closed' && (
            <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} aria-label="月份" />
          )}
        </Space>
        <Table<TaskView>
          rowKey="caseId"
          size="small"
          loading={tasks.isPending}
          dataSource={tasks.data?.tasks ?? []}
          locale={{ emptyText: tasks.isError ? errorText(tasks.error) : '暂无整改任务' }}
          columns={[
            { title: '受理编号', dataIndex: 'number', render: (v: string, t) => <Link to={`/ratings/tasks/${t.caseId}`}>{v}</Link> },
            { title: '事项', dataIndex: 'itemName' },
            { title: '评价', dataIndex: 'levelLabel' },
            { title: '原因', dataIndex: 'reason', ellipsis: true },
            { title: '评价时间', dataIndex: 'ratedAt', render: (v: string) => bjDateTime(v) },
            {
              title: '回访期限',
              key: 'cb',
              render: (_: unknown, t) =>
                t.callback?.reached ? (
                  <Tag color="green">已回访</Tag>
                ) : (
                  <Tag color={t.callbackOverdue ? 'red' : undefined}>
                    {t.callbackDueDate}
                    {t.callbackOverdue ? ' 已超期' : ''}
                  </Tag>
                ),
            },
            {
              title: '整改期限',
              key: 'rf',
              render: (_: unknown, t) => (
                <Tag color={t.rectifyOverdue ? 'red' : undefined}>
                  {t.rectifyDueDate}
                  {t.rectifyOverdue ? ' 已超期' : ''}
                </Tag>
              ),
            },
            { title: '状态', dataIndex: 'statusLabel' },
          ]}
        />
      </Space>
    </Card>
  );
}
