import { useEffect, useState } from 'react';
import { Alert, Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import CaseSearch from '../network/CaseSearch.tsx';
import { api } from '../../shell/api.ts';
import { useSession } from '../../shell/session.tsx';
import { KIND_LABELS } from './types.ts';

interface Row {
  id: string;
  number: string;
  itemName: string;
  kind: string;
  statusLabel: string;
  applicantName: string;
  acceptedAt?: string;
  dueDate?: string;
}

const VIEWS = [
  ['accepted', '已受理'],
  ['in_progress', '办理中'],
  ['awaiting_supplement', '待补正'],
  ['suspended', '特别程序中'],
  ['due_soon', '2 个工作日内到期'],
  ['overdue', '已超期'],
  ['decided', '已办结'],
  ['delivered', '已送达'],
] as const;

/** 办件: the office's work lists. */
export default function CasesPage() {
  const [view, setView] = useState<string>('accepted');
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  const { can } = useSession();

  useEffect(() => {
    setError(null);
    api<{ cases: Row[] }>(`/api/cases?view=${view}`)
      .then((r) => setRows(r.cases))
      .catch((e: Error) => setError(e.message));
  }, [view]);

  return (
    <Card>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          办件
        </Typography.Title>
        {can('case.accept') && (
          <Button type="primary" size="large" onClick={() => navigate('/cases/new')}>
            受理
          </Button>
        )}
      </Space>
      <CaseSearch />
      <Tabs activeKey={view} onChange={setView} items={VIEWS.map(([key, label]) => ({ key, label }))} />
      {error && <Alert type="error" showIcon message={error} />}
      <Table
        rowKey="id"
        dataSource={rows}
        data-testid="cases-table"
        onRow={(r) => ({ onClick: () => navigate(`/cases/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '受理编号', dataIndex: 'number' },
          { title: '事项', dataIndex: 'itemName' },
          { title: '类型', dataIndex: 'kind', render: (k: string) => <Tag>{KIND_LABELS[k] ?? k}</Tag> },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '状态', dataIndex: 'statusLabel' },
          { title: '到期日', dataIndex: 'dueDate' },
        ]}
      />
    </Card>
  );
}
