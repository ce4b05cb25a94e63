import { useState } from 'react';
import { Alert, Badge, Button, Card, Table, Tabs, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { InboxRowResponse as InboxRow } from '@shared/network/responses.ts';
import { INBOX_LABELS, type InboxKind } from '@shared/cases/hop-labels.ts';
import { bjDateTime } from '@shared/platform/beijing-time.ts';
import { useInbox, useInboxCounts } from './queries.ts';

const KINDS: InboxKind[] = ['case', 'task', 'commission'];

/** 待签收: what other offices handed to this one — cases (转报/交办), tasks, commissions from the villages. */
export default function InboxPage() {
  const [kind, setKind] = useState<InboxKind>('case');
  const list = useInbox(kind);
  const counts = useInboxCounts(true);
  const navigate = useNavigate();
  const open = (r: InboxRow) => navigate(r.kind === 'commission' ? `/commissions/${r.commissionId}` : `/cases/${r.caseId}`);
  return (
    <Card>
      <Typography.Title level={4} style={{ margin: 0 }}>
        待签收
      </Typography.Title>
      <Tabs
        activeKey={kind}
        onChange={(k) => setKind(k as InboxKind)}
        items={KINDS.map((k) => ({
          key: k,
          label: (
            <Badge count={counts.data?.counts[k] ?? 0} offset={[10, -2]} size="small">
              {INBOX_LABELS[k]}
            </Badge>
          ),
        }))}
      />
      {list.isError && <Alert type="error" showIcon message={list.error.message} action={<Button onClick={() => void list.refetch()}>重试</Button>} />}
      <Table<InboxRow>
        rowKey={(r) => `${r.kind}-${r.id}-${r.taskId ?? ''}`}
        loading={list.isFetching}
        dataSource={list.data?.entries ?? []}
        data-testid="inbox-table"
        onRow={(r) => ({ onClick: () => open(r), style: { cursor: 'pointer' } })}
        scroll={{ x: true }}
        columns={[
          { title: kind === 'commission' ? '代办编号' : '受理编号', dataIndex: 'number' },
          { title: '事项', dataIndex: 'itemName', render: (v: string, r) => (r.title ? `${v}（${r.title}）` : v) },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '来自', dataIndex: 'fromOfficeName' },
          { title: '送达时间', dataIndex: 'sentAt', render: (v: string) => bjDateTime(v) },
          { title: '签收时限', dataIndex: 'dueAt', render: (v: string, r) => (r.late ? <Tag color="red">已超时 {bjDateTime(v)}</Tag> : bjDateTime(v)) },
        ]}
      />
    </Card>
  );
}
