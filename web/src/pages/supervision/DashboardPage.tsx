import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Row, Select, Space, Statistic, Table, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Dashboard, Figures } from '@shared/supervision/dashboard.ts';
import { useSession } from '../../shell/session.tsx';
import { Chart } from './charts.tsx';
import { downloadDashboard, useDashboard, useOffices } from './queries.ts';
import { HallTimesCard } from '../hall/HallTimesCard.tsx';

const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);
const num = (r: number | null | undefined) => (r === null || r === undefined ? '—' : r);

/** 数据看板: 按时办结率, 即办件当日办结率, 平均用时, open / due soon / overdue, cards, by month, office, item, staff; 红黑榜; Excel. */
export default function DashboardPage() {
  const { can } = useSession();
  const countyWide = can('supervision.read:county');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(2, 'month'), dayjs()]);
  const [officeId, setOfficeId] = useState<string | undefined>();
  const filters = { from: range[0].format('YYYY-MM'), to: range[1].format('YYYY-MM'), ...(officeId ? { officeId } : {}) };
  const q = useDashboard(filters);
  const offices = useOffices();
  const [exporting, setExporting] = useState(false);
  const name = (id: string) => offices.data?.name(id) ?? id;
  const d: Dashboard | undefined = q.data;

  const exportXlsx = () => {
    setExporting(true);
    downloadDashboard(filters)
      .catch((e: Error) => void message.error(e.message))
      .finally(() => setExporting(false));
  };

  const officeRows = (d?.byOffice ?? []).filter((o) => o.taken || o.decided || o.open || o.yellow || o.red);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="dashboard">
      <Card>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            数据看板
          </Typography.Title>
          <Space wrap>
            <DatePicker.RangePicker picker="month" value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
            {countyWide && (
              <Select
                aria-label="机构"
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder="全县"
                style={{ width: 220 }}
                value={officeId}
                onChange={(v?: string) => setOfficeId(v)}
                options={(offices.data?.offices ?? []).filter((o) => o.kind !== 'village').map((o) => ({ value: o.id, label: o.name }))}
              />
            )}
            <Button onClick={exportXlsx} loading={exporting} data-testid="dashboard-export">
              导出 Excel
            </Button>
          </Space>
        </Space>
      </Card>
      {q.isError && <Alert type="error" showIcon message={q.error.message} />}
      {d && (
        <>
          <Row gutter={[16, 16]}>
            {(
              [
                ['按时办结率', pct(d.total.onTimeRate), 'on-time-rate'],
                ['即办件当日办结率', pct(d.total.immediateSameDayRate), 'same-day-rate'],
                ['平均办结用时（工作日）', num(d.total.avgDecideWorkdays), 'avg-days'],
                ['受理 / 办结', `${d.total.taken} / ${d.total.decided}`, 'taken'],
                ['在办', d.now.open, 'open'],
                ['即将到期', d.now.dueSoon, 'due-soon'],
                ['已超期', d.now.overdue, 'overdue'],
                ['黄牌 / 红牌 / 第二张红牌', `${d.total.yellow} / ${d.total.red} / ${d.total.secondRed}`, 'cards'],
              ] as const
            ).map(([title, value, id]) => (
              <Col key={id} xs={12} md={6}>
                <Card size="small">
                  <Statistic title={title} value={value} data-testid={`stat-${id}`} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title="按月" size="small">
                <Chart
                  testId="chart-months"
                  option={{
                    tooltip: { trigger: 'axis' },
                    legend: {},
                    xAxis: { type: 'category', data: d.byMonth.map((m) => m.month) },
                    yAxis: [
                      { type: 'value', name: '件' },
                      { type: 'value', name: '%', max: 100 },
                    ],
                    series: [
                      { name: '受理', type: 'bar', data: d.byMonth.map((m) => m.taken) },
                      { name: '办结', type: 'bar', data: d.byMonth.map((m) => m.decided) },
                      {
                        name: '按时办结率',
                        type: 'line',
                        yAxisIndex: 1,
                        data: d.byMonth.map((m) => (m.onTimeRate === null ? null : +(m.onTimeRate * 100).toFixed(1))),
                      },
                      {
                        name: '即办件当日办结率',
                        type: 'line',
                        yAxisIndex: 1,
                        data: d.byMonth.map((m) => (m.immediateSameDayRate === null ? null : +(m.immediateSameDayRate * 100).toFixed(1))),
                      },
                    ],
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="各单位亮牌" size="small">
                <Chart
                  testId="chart-cards"
                  option={{
                    tooltip: { trigger: 'axis' },
                    legend: {},
                    grid: { left: 120 },
                    xAxis: { type: 'value' },
                    yAxis: { type: 'category', data: officeRows.map((o) => name(o.officeId)) },
                    series: [
                      { name: '黄牌', type: 'bar', stack: 'cards', color: '#faad14', data: officeRows.map((o) => o.yellow) },
                      { name: '红牌', type: 'bar', stack: 'cards', color: '#f5222d', data: officeRows.map((o) => o.red) },
                      { name: '第二张红牌', type: 'bar', stack: 'cards', color: '#820014', data: officeRows.map((o) => o.secondRed) },
                    ],
                  }}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            {(['red', 'black'] as const).map((list) => (
              <Col key={list} xs={24} md={12}>
                <Card title={list === 'red' ? '红榜（按时办结率高、无红牌）' : '黑榜（红牌、超期）'} size="small">
                  <Table
                    size="small"
                    rowKey="officeId"
                    pagination={false}
                    dataSource={d.ranking[list]}
                    data-testid={`ranking-${list}`}
                    columns={[
                      { title: '单位', dataIndex: 'officeId', render: name },
                      { title: '按时办结率', dataIndex: 'onTimeRate', render: pct },
                      { title: '办结', dataIndex: 'decided' },
                      { title: '红牌', dataIndex: 'red' },
                      { title: '第二张红牌', dataIndex: 'secondRed' },
                    ]}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Card title="按单位" size="small">
            <Table<Dashboard['byOffice'][number]>
              size="small"
              rowKey="officeId"
              pagination={false}
              dataSource={officeRows}
              data-testid="by-office"
              columns={[
                { title: '单位', dataIndex: 'officeId', render: name },
                ...figureColumns,
                { title: '在办', dataIndex: 'open' },
                { title: '即将到期', dataIndex: 'dueSoon' },
                { title: '已超期', dataIndex: 'overdue' },
              ]}
            />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title="按事项" size="small">
                <Table
                  size="small"
                  rowKey="itemCode"
                  dataSource={d.byItem}
                  pagination={{ pageSize: 10 }}
                  columns={[{ title: '事项', dataIndex: 'itemName' }, ...figureColumns.slice(0, 5)]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="按人员" size="small">
                <Table
                  size="small"
                  rowKey={(r) => `${r.officeId}/${r.staff}`}
                  dataSource={d.byStaff}
                  pagination={{ pageSize: 10 }}
                  columns={[{ title: '单位', dataIndex: 'officeId', render: name }, { title: '人员', dataIndex: 'staffName' }, ...figureColumns.slice(0, 5)]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
      {/* the hall: waiting and service times (shared/hall/figures.ts) */}
      <HallTimesCard />
    </Space>
  );
}

const figureColumns = [
  { title: '受理', dataIndex: 'taken' },
  { title: '办结', dataIndex: 'decided' },
  { title: '按时办结率', dataIndex: 'onTimeRate', render: (r: Figures['onTimeRate']) => pct(r) },
  { title: '平均用时', dataIndex: 'avgDecideWorkdays', render: (r: Figures['avgDecideWorkdays']) => num(r) },
  { title: '黄/红牌', key: 'cards', render: (_v: unknown, f: Figures) => `${f.yellow}/${f.red + f.secondRed}` },
  { title: '即办当日率', dataIndex: 'immediateSameDayRate', render: (r: Figures['immediateSameDayRate']) => pct(r) },
];
