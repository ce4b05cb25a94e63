import { KIND_LABELS } from '@shared/catalog/item-labels.ts';
import { useState } from 'react';
import { Alert, Button, Card, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { CaseRow as CaseListRow } from '@shared/cases/responses.ts';
import { useSession } from '../../shell/session.tsx';
import { useCountyCases, useOffices } from './queries.ts';

const VIEWS = [
  ['accepted', '已受理'],
  ['in_progress', '办理中'],
  ['awaiting_supplement', '待补正'],
  ['suspended', '特别程序中'],
  ['due_soon', '即将到期'],
  ['overdue', '已超期'],
  ['decided', '已办结'],
  ['delivered', '已送达'],
] as const;

/** 全县办件: every office's work lists, or one office's, for county-wide readers. */
export default function CountyCasesPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [view, setView] = useState<string>('overdue');
  const [officeId, setOfficeId] = useState<string | undefined>();
  const [cursors, setCursors] = useState<string[]>([]);
  const offices = useOffices();
  const list = useCountyCases({ view, ...(officeId ? { officeId } : {}), ...(cursors.length ? { cursor: cursors.at(-1) } : {}) });
  const reset = () => setCursors([]);
  return (
    <Card>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          全县办件
        </Typography.Title>
        <Select
          aria-label="单位"
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="全部单位"
          style={{ width: 240 }}
          value={officeId}
          onChange={(v?: string) => {
            reset();
            setOfficeId(v);
          }}
          options={(offices.data?.offices ?? []).filter((o) => o.kind !== 'village').map((o) => ({ value: o.id, label: o.name }))}
          data-testid="office-filter"
        />
      </Space>
      <Tabs
        activeKey={view}
        onChange={(k) => {
          reset();
          setView(k);
        }}
        items={VIEWS.map(([key, label]) => ({ key, label }))}
      />
      {list.isError && <Alert type="error" showIcon message={list.error.message} />}
      <Table<CaseListRow>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.cases ?? []}
        pagination={false}
        data-testid="county-cases-table"
        onRow={(r) => ({ onClick: () => navigate(`/cases/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '受理编号', dataIndex: 'number' },
          { title: '事项', dataIndex: 'itemName' },
          { title: '类型', dataIndex: 'kind', render: (k: string) => <Tag>{KIND_LABELS[k as keyof typeof KIND_LABELS] ?? k}</Tag> },
          {
            title: '单位',
            dataIndex: 'officeId',
            render: (id: string, r) => `${offices.data?.name(id) ?? id}${r.handedTo ? ` → ${offices.data?.name(r.handedTo) ?? r.handedTo}` : ''}`,
          },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '状态', dataIndex: 'statusLabel' },
          { title: '到期日', dataIndex: 'dueDate' },
          ...(can('supervision.order')
            ? [
                {
                  title: '操作',
                  key: 'order',
                  render: (_v: unknown, r: CaseListRow) => (
                    <Button
                      size="small"
                      onClick={(e) => {
                        e.stopPropagation();
                        navigate(`/supervision/orders/new?caseId=${r.id}&number=${encodeURIComponent(r.number)}`);
                      }}
                    >
                      督办
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button disabled={!cursors.length} onClick={() => setCursors((c) => c.slice(0, -1))}>
          上一页
        </Button>
        <Button disabled={!list.data?.next} onClick={() => setCursors((c) => [...c, list.data!.next!])}>
          下一页
        </Button>
      </Space>
    </Card>
  );
}
