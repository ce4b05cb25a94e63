import { bjDateTime } from '@shared/platform/beijing-time.ts';
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Select, Space, Table, Tag, Typography, message } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { AlertView } from '@shared/supervision/alert.ts';
import { useSession } from '../../shell/session.tsx';
import { CARD_COLORS, CARD_LABELS, TRIGGER_LABELS } from './format.ts';
import { CARD_RANK } from '@shared/supervision/labels.ts';
import { useAck, useAlerts, useDigest, useOffices, type AlertFilters } from './queries.ts';

/** 预警: the caller's alert inbox (county-wide for supervisors, the office's for a center head). */
export default function AlertsPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const countyWide = can('supervision.read:county');
  const [filters, setFilters] = useState<AlertFilters>({
    state: 'unread',
    ...(params.get('caseId') ? { caseId: params.get('caseId')!, state: undefined } : {}),
  });
  const [cursors, setCursors] = useState<string[]>([]);
  const list = useAlerts({ ...filters, ...(cursors.length ? { cursor: cursors.at(-1) } : {}) });
  const offices = useOffices();
  const ack = useAck();
  const digest = useDigest();
  const set = (f: Partial<AlertFilters>) => {
    setCursors([]);
    setFilters((old) => ({ ...old, ...f }));
  };
  const d = digest.data?.digest;

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        预警
      </Typography.Title>
      {d && (
        <Descriptions size="small" bordered column={3} style={{ marginBottom: 16 }} title={`今日摘要（${d.day}）`} data-testid="digest">
          <Descriptions.Item label="今日到期">{d.dueToday.length} 件</Descriptions.Item>
          <Descriptions.Item label="已超期">{d.overdue.length} 件</Descriptions.Item>
          <Descriptions.Item label="待反馈督办">{d.openOrders.length} 件</Descriptions.Item>
        </Descriptions>
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="状态"
          style={{ width: 140 }}
          value={filters.state ?? 'all'}
          onChange={(v) => set({ state: v === 'all' ? undefined : (v as AlertFilters['state']) })}
          options={[
            { value: 'unread', label: '未读' },
            { value: 'acked', label: '已确认' },
            { value: 'all', label: '全部' },
          ]}
          data-testid="filter-state"
        />
        <Select
          aria-label="牌色"
          style={{ width: 120 }}
          value={filters.card ?? 'all'}
          onChange={(v) => set({ card: v === 'all' ? undefined : (v as AlertFilters['card']) })}
          options={[
            { value: 'all', label: '全部牌色' },
            { value: 'yellow', label: '黄牌' },
            { value: 'red', label: '红牌' },
          ]}
        />
        {countyWide && (
          <Select
            aria-label="单位"
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部单位"
            style={{ width: 220 }}
            value={filters.officeId}
            onChange={(v?: string) => set({ officeId: v })}
            options={(offices.data?.offices ?? []).filter((o) => o.kind !== 'village').map((o) => ({ value: o.id, label: o.name }))}
          />
        )}
        {filters.caseId && (
          <Tag closable onClose={() => set({ caseId: undefined })}>
            仅此办件
          </Tag>
        )}
      </Space>
      {list.isError && <Alert type="error" showIcon message={list.error.message} />}
      <Table<AlertView>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        // red above yellow; within a colour the server's order (newest first) stays
        dataSource={[...(list.data?.alerts ?? [])].sort((a, b) => CARD_RANK[a.card] - CARD_RANK[b.card])}
        pagination={false}
        data-testid="alerts-table"
        columns={[
          { title: '牌', dataIndex: 'card', width: 70, render: (c: AlertView['card']) => <Tag color={CARD_COLORS[c]}>{CARD_LABELS[c]}</Tag> },
          { title: '受理编号', dataIndex: 'caseNumber', render: (n: string, a) => <Link to={`/cases/${a.caseId}`}>{n}</Link> },
          { title: '事项', dataIndex: 'itemName' },
          { title: '单位', dataIndex: 'officeId', render: (id: string) => offices.data?.name(id) ?? id },
          { title: '类别', dataIndex: 'trigger', render: (t: AlertView['trigger']) => TRIGGER_LABELS[t] },
          { title: '原因', dataIndex: 'reason' },
          { title: '时间（北京）', dataIndex: 'at', render: (at: string) => bjDateTime(at), width: 150 },
          { title: '状态', dataIndex: 'state', render: (s: string) => (s === 'unread' ? <Tag color="blue">未读</Tag> : <Tag>已确认</Tag>), width: 80 },
          {
            title: '操作',
            key: 'actions',
            render: (_v, a) => (
              <Space>
                {a.state === 'unread' && (
                  <Button
                    size="small"
                    loading={ack.isPending && ack.variables === a.id}
                    onClick={() => ack.mutate(a.id, { onSuccess: () => void message.success('已确认') })}
                  >
                    确认
                  </Button>
                )}
                {can('supervision.order') && (
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    onClick={() => navigate(`/supervision/orders/new?caseId=${a.caseId}&number=${encodeURIComponent(a.caseNumber)}`)}
                  >
                    督办
                  </Button>
                )}
              </Space>
            ),
          },
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
