import { bjMonth } from '@shared/platform/beijing-time.ts';
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Space, Statistic, Table, Tabs } from 'antd';
import dayjs from 'dayjs';
import type { Figures } from '@shared/ratings/views.ts';
import { pct } from './client.tsx';
import { download, errorText } from '../../shell/api.ts';
import { useStats } from './queries.ts';

const figureColumns = [
  { title: '评价数', dataIndex: 'count' },
  { title: '满意率', dataIndex: 'satisfactionRate', render: (v: number | null) => pct(v) },
  { title: '差评', dataIndex: 'bad' },
  { title: '回访率', dataIndex: 'callbackRate', render: (v: number | null) => pct(v) },
  { title: '整改率', dataIndex: 'rectificationRate', render: (v: number | null) => pct(v) },
  { title: '已整改', dataIndex: 'rectified' },
];

/** 好差评统计: the month's figures per office, item and staff, from the counters; export to Excel. */
export default function StatsPage() {
  const [month, setMonth] = useState(bjMonth(new Date()));
  const stats = useStats(month);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const s = stats.data;
  const total: Figures | undefined = s?.total;
  return (
    <Card
      title="好差评统计"
      extra={
        <Space>
          <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} aria-label="月份" />
          <Button
            loading={exporting}
            onClick={() => {
              setExporting(true);
              setExportError(null);
              download(`/api/ratings/stats/export?month=${month}`, `好差评统计-${month}.xlsx`)
                .catch((e) => setExportError(errorText(e)))
                .finally(() => setExporting(false));
            }}
          >
            导出 Excel
          </Button>
        </Space>
      }
    >
      {exportError && <Alert type="error" showIcon message={exportError} style={{ marginBottom: 12 }} />}
      {stats.isError && <Alert type="error" showIcon message={errorText(stats.error)} />}
      {s && total && (
        <Space size="large" wrap style={{ marginBottom: 16 }} data-testid="stats-total">
          <Statistic title={s.scope === 'county' ? '全县评价数' : '本机构评价数'} value={total.count} />
          <Statistic title="满意率" value={pct(total.satisfactionRate)} />
          <Statistic title="差评" value={total.bad} />
          <Statistic title="回访率" value={pct(total.callbackRate)} />
          <Statistic title="整改率" value={pct(total.rectificationRate)} />
        </Space>
      )}
      <Tabs
        items={[
          {
            key: 'offices',
            label: '按机构',
            children: (
              <Table
                rowKey="officeId"
                size="small"
                loading={stats.isPending}
                dataSource={s?.offices ?? []}
                pagination={false}
                columns={[{ title: '机构', dataIndex: 'officeName' }, ...figureColumns]}
              />
            ),
          },
          {
            key: 'items',
            label: '按事项',
            children: (
              <Table
                rowKey="itemCode"
                size="small"
                dataSource={s?.items ?? []}
                pagination={false}
                columns={[{ title: '事项', dataIndex: 'itemName' }, { title: '编码', dataIndex: 'itemCode' }, ...figureColumns]}
              />
            ),
          },
          {
            key: 'staff',
            label: '按人员',
            children: (
              <Table
                rowKey={(r) => `${r.officeId}#${r.staff}`}
                size="small"
                dataSource={s?.staff ?? []}
                pagination={false}
                columns={[{ title: '工作人员', dataIndex: 'staffName' }, { title: '机构', dataIndex: 'officeName' }, ...figureColumns]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
