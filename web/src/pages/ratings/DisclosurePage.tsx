import { bjDateTime, bjMonth } from '../../../../shared/platform/beijing-time.ts';
import { useState } from 'react';
import { Alert, Card, DatePicker, Switch, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { api, errorText } from '../../shell/api.ts';
import { runtimeConfig } from '../../shell/config.ts';
import { useElder } from '../../shell/elder.tsx';
import type { DisclosedRatings, DisclosedResults } from '../../../../shared/ratings/disclosure.ts';
import { pct } from './client.tsx';
import './ratings.css';

/** 六公开: recent 办结 results and the monthly 好差评 per office (public; no names, IDs or phones). */
export default function DisclosurePage() {
  const [elder, setElder] = useElder();
  const [month, setMonth] = useState(bjMonth(new Date()));
  const results = useQuery({
    queryKey: ['disclosure', 'results'],
    queryFn: ({ signal }) => api<DisclosedResults>('/api/public/disclosure/results', { signal }),
  });
  const ratings = useQuery({
    queryKey: ['disclosure', 'ratings', month],
    queryFn: ({ signal }) => api<DisclosedRatings>(`/api/public/disclosure/ratings?month=${month}`, { signal }),
  });
  return (
    <div className="disclosure-page">
      <Typography.Title level={2}>{runtimeConfig().countyName} 政务服务公开</Typography.Title>
      <label style={{ float: 'right' }}>
        长者版 <Switch checked={elder} onChange={setElder} aria-label="长者版" />
      </label>
      <Tabs
        items={[
          {
            key: 'results',
            label: '办结公示',
            children: (
              <Card
                size="small"
                extra={results.data?.publishedAt && `更新于 ${bjDateTime(results.data.publishedAt)}`}
                title={`近 ${results.data?.days ?? 30} 日办结`}
              >
                {results.isError && <Alert type="error" showIcon message={errorText(results.error)} />}
                <Table
                  data-testid="results"
                  rowKey={(r, i) => `${r.number}#${i}`}
                  size="small"
                  loading={results.isPending}
                  dataSource={results.data?.results ?? []}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    { title: '受理编号', dataIndex: 'number' },
                    { title: '事项', dataIndex: 'itemName' },
                    { title: '办理单位', dataIndex: 'officeName' },
                    { title: '受理日期', dataIndex: 'acceptedOn' },
                    { title: '办结日期', dataIndex: 'decidedOn' },
                    {
                      title: '是否按时',
                      dataIndex: 'onTime',
                      render: (v: boolean) => (v ? <Tag color="green">按时办结</Tag> : <Tag color="red">超期办结</Tag>),
                    },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'ratings',
            label: '好差评公示',
            children: (
              <Card
                size="small"
                title="各单位好差评"
                extra={
                  <DatePicker
                    picker="month"
                    allowClear={false}
                    value={dayjs(`${month}-01`)}
                    onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
                    aria-label="月份"
                  />
                }
              >
                {ratings.isError && <Alert type="error" showIcon message={errorText(ratings.error)} />}
                <Table
                  data-testid="ratings"
                  rowKey="officeName"
                  size="small"
                  loading={ratings.isPending}
                  dataSource={ratings.data?.offices ?? []}
                  pagination={false}
                  columns={[
                    { title: '单位', dataIndex: 'officeName' },
                    { title: '评价数', dataIndex: 'count' },
                    { title: '满意率', dataIndex: 'satisfactionRate', render: (v: number | null) => pct(v) },
                    { title: '差评', dataIndex: 'bad' },
                    { title: '差评整改率', dataIndex: 'rectificationRate', render: (v: number | null) => pct(v) },
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
    </div>
  );
}
