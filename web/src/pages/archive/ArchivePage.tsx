import { useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Popconfirm, Space, Tabs, Typography, message } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { bjDateTime, bjYear } from '@shared/platform/beijing-time.ts';
import { errorText } from '../../shell/api.ts';
import { ResponsiveTable } from '../../shell/responsive-table.tsx';
import { ChecksTags, RETENTION_LABELS } from './labels.tsx';
import { useApproveDestruction, useArchiveSearch, useDestructionList, useDownloadPackage, useTransferExport, type ArchiveRow } from './queries.ts';

/** The archive years a person may pick: the calendar's, up to this year. */
const MIN_YEAR = 2000;

const baseColumns: ColumnsType<ArchiveRow> = [
  { title: '档号', dataIndex: 'archiveCode' },
  { title: '受理编号', dataIndex: 'number' },
  { title: '事项', dataIndex: 'itemName' },
  { title: '保管期限', dataIndex: 'retention', render: (r: ArchiveRow['retention']) => RETENTION_LABELS[r] },
  { title: '归档日期', dataIndex: 'archiveDate' },
  { title: '保管至', dataIndex: 'retainUntil', render: (d: string | null) => d ?? '永久' },
  { title: '四性检测', dataIndex: 'checks', render: (_: unknown, r) => <ChecksTags checks={r.checks} /> },
];

/** 电子档案 (county admin): search the archive and download a package, 鉴定销毁 with two approvals, 移交. */
export default function ArchivePage() {
  return (
    <Card>
      <Typography.Title level={1} className="page-title">
        电子档案
      </Typography.Title>
      <Tabs
        items={[
          { key: 'search', label: '档案查询', children: <SearchTab /> },
          { key: 'destruction', label: '鉴定销毁', children: <DestructionTab /> },
          { key: 'transfer', label: '移交', children: <TransferTab /> },
        ]}
      />
    </Card>
  );
}

function SearchTab() {
  const [year, setYear] = useState(bjYear());
  const [q, setQ] = useState('');
  const rows = useArchiveSearch(year, q);
  const dl = useDownloadPackage();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form layout="inline" style={{ rowGap: 8 }}>
        <Form.Item label="归档年度">
          <InputNumber min={MIN_YEAR} max={bjYear()} value={year} onChange={(v) => v && setYear(v)} aria-label="归档年度" />
        </Form.Item>
        <Form.Item label="查找">
          <Input.Search
            allowClear
            placeholder="受理编号、事项名称或档号"
            maxLength={60}
            onSearch={(v) => setQ(v.trim())}
            style={{ width: 280 }}
            aria-label="查找档案"
          />
        </Form.Item>
      </Form>
      {rows.isError && <Alert type="error" showIcon message={errorText(rows.error)} />}
      <ResponsiveTable<ArchiveRow>
        data-testid="archive-table"
        rowKey="caseId"
        loading={rows.isFetching}
        dataSource={(rows.data?.packages ?? []).filter((r) => !r.destroyedAt)}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: `${year} 年度暂无档案` }}
        columns={[
          ...baseColumns,
          {
            title: '操作',
            key: 'download',
            render: (_: unknown, r) => (
              <Button size="small" onClick={() => dl.mutate({ caseId: r.caseId, archiveCode: r.archiveCode })} aria-label={`下载档案包 ${r.archiveCode}`}>
                下载档案包
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}

function DestructionTab() {
  const rows = useDestructionList();
  const approve = useApproveDestruction();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">
        保管期限届满的档案。销毁须两位县级管理员分别批准；第二位批准后档案包即被永久删除，不可恢复。永久保管的档案不会列入。
      </Typography.Paragraph>
      {rows.isError && <Alert type="error" showIcon message={errorText(rows.error)} />}
      <ResponsiveTable<ArchiveRow>
        data-testid="destruction-table"
        rowKey="caseId"
        loading={rows.isFetching}
        dataSource={rows.data?.packages ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无保管期限届满的档案' }}
        columns={[
          ...baseColumns,
          {
            title: '已批准',
            key: 'approvals',
            render: (_: unknown, r) => (r.approvals.length ? r.approvals.map((a) => `${a.byName}（${bjDateTime(a.at)}）`).join('；') : '—'),
          },
          {
            title: '操作',
            key: 'approve',
            render: (_: unknown, r) => (
              <Popconfirm
                title={`批准销毁 ${r.archiveCode}？`}
                description={r.approvals.length ? '这是第二位批准：档案包将被永久删除，不可恢复。' : '还须另一位管理员批准后才会删除。'}
                okText="确认批准"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() =>
                  approve
                    .mutateAsync(r.caseId)
                    .then((x) => void message.success(x.destroyed ? '档案包已销毁' : '已批准，待另一位管理员批准'))
                    .catch(() => undefined)
                }
              >
                <Button size="small" danger aria-label={`批准销毁 ${r.archiveCode}`}>
                  批准销毁
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Space>
  );
}

function TransferTab() {
  const [year, setYear] = useState(bjYear() - 1);
  const exporter = useTransferExport();
  return (
    <Space direction="vertical">
      <Typography.Paragraph type="secondary">
        导出一个年度的全部档案包及移交清单（档号、受理编号、事项、保管期限、归档日期、SHA-256 校验值），交县档案馆。
      </Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 8 }}>
        <Form.Item label="移交年度">
          <InputNumber min={MIN_YEAR} max={bjYear()} value={year} onChange={(v) => v && setYear(v)} aria-label="移交年度" />
        </Form.Item>
        <Button type="primary" loading={exporter.isPending} onClick={() => exporter.mutate(year)} data-testid="transfer-export">
          导出移交包
        </Button>
      </Form>
    </Space>
  );
}
