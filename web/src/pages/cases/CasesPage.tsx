import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Tabs, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../shell/responsive-table.tsx';
import { useNavigate } from 'react-router-dom';
import type { CaseRow as CaseListRow } from '@shared/cases/responses.ts';
import { errorText } from '../../shell/api.ts';
import { useSession } from '../../shell/session.tsx';
import { LoadMore } from '../../shell/pager.tsx';
import { KIND_LABELS } from './labels.ts';
import { useCaseList, useCaseSearch, type CaseListName } from './queries.ts';

const VIEWS: ReadonlyArray<readonly [CaseListName, string]> = [
  ['all', '全部'],
  ['accepted', '已受理'],
  ['in_progress', '办理中'],
  ['awaiting_supplement', '待补正'],
  ['suspended', '特别程序中'],
  ['due_soon', '2 个工作日内到期'],
  ['overdue', '已超期'],
  ['decided', '已办结'],
  ['delivered', '已送达'],
  ['not_accepted', '不予受理'],
];

const COLUMNS = [
  { title: '受理编号', dataIndex: 'number' },
  { title: '事项', dataIndex: 'itemName' },
  { title: '类型', dataIndex: 'kind', render: (k: CaseListRow['kind']) => <Tag>{KIND_LABELS[k] ?? k}</Tag> },
  { title: '申请人', dataIndex: 'applicantName' },
  { title: '状态', dataIndex: 'statusLabel' },
  { title: '到期日', dataIndex: 'dueDate' },
];

/**
 * 办件: the office's work lists, a page at a time, and a search by 受理编号, applicant name, ID
 * number or phone. Each tab is its own query: a quick switch never shows another tab's rows.
 */
export default function CasesPage() {
  const [view, setView] = useState<CaseListName>('all');
  const [q, setQ] = useState('');
  const list = useCaseList(view);
  const found = useCaseSearch(q);
  const navigate = useNavigate();
  const { can } = useSession();
  const open = (r: CaseListRow) => ({ onClick: () => navigate(`/cases/${r.id}`), style: { cursor: 'pointer' } });

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
      <Input.Search
        placeholder="受理编号、申请人姓名、证件号码或手机号"
        allowClear
        enterButton="查找"
        onSearch={(v) => setQ(v.trim())}
        style={{ maxWidth: 480, margin: '12px 0' }}
        data-testid="case-search"
      />
      {q && found.isError && <Alert type="error" showIcon message={errorText(found.error)} data-testid="case-search-error" />}
      {q && found.data && (
        <ResponsiveTable<CaseListRow>
          cardTitle={(r) => r.number}
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={found.data.cases}
          locale={{ emptyText: '未找到本机构可查看的办件' }}
          onRow={open}
          columns={COLUMNS}
          data-testid="case-search-results"
        />
      )}
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
      <ResponsiveTable<CaseListRow>
        cardTitle={(r) => r.number}
        rowKey="id"
        loading={list.isFetching && !list.isFetchingNextPage}
        dataSource={list.rows}
        pagination={false}
        data-testid="cases-table"
        onRow={open}
        columns={COLUMNS}
      />
      <LoadMore list={list} testId="cases-more" />
    </Card>
  );
}
