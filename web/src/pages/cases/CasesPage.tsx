import { useState } from 'react';
import { Alert, Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { CaseListRow } from '../../../../shared/cases/views.ts';
import { errorText } from '../../shell/api.ts';
import { useSession } from '../../shell/session.tsx';
import { KIND_LABELS } from './labels.ts';
import { useCaseList, type CaseListName } from './queries.ts';

const VIEWS: ReadonlyArray<readonly [CaseListName, string]> = [
  ['accepted', '已受理'],
  ['in_progress', '办理中'],
  ['awaiting_supplement', '待补正'],
  ['suspended', '特别程序中'],
  ['due_soon', '2 个工作日内到期'],
  ['overdue', '已超期'],
  ['decided', '已办结'],
  ['delivered', '已送达'],
];

/** 办件: the office's work lists. Each tab is its own query: a quick switch never shows another tab's rows. */
export default function CasesPage() {
  const [view, setView] = useState<CaseListName>('accepted');
  const list = useCaseList(view);
  const navigate = useNavigate();
  const { can } = useSession();

  return (
    <Card>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} className="page-title" style={{ margin: 0 }}>
          办件
        </Typography.Title>
        {can('case.accept') && (
          <Button type="primary" size="large" onClick={() => navigate('/cases/new')}>
            受理
          </Button>
        )}
      </Space>
      <Tabs activeKey={view} onChange={(k) => setView(k as CaseListName)} items={VIEWS.map(([key, label]) => ({ key, label }))} />
      {list.isError && (
        <Alert
          type="error"
          showIcon
          message={errorText(list.error)}
          action={
            <Button size="small" onClick={() => void list.refetch()}>
              重试
            </Button>
          }
          data-testid="cases-error"
        />
      )}
      <Table<CaseListRow>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.cases ?? []}
        data-testid="cases-table"
        onRow={(r) => ({ onClick: () => navigate(`/cases/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '受理编号', dataIndex: 'number' },
          { title: '事项', dataIndex: 'itemName' },
          { title: '类型', dataIndex: 'kind', render: (k: CaseListRow['kind']) => <Tag>{KIND_LABELS[k] ?? k}</Tag> },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '状态', dataIndex: 'statusLabel' },
          { title: '到期日', dataIndex: 'dueDate' },
        ]}
      />
    </Card>
  );
}
