import { bjDateTime } from '@shared/platform/beijing-time.ts';
import { useState } from 'react';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { download, errorText } from '../../shell/api.ts';
import { useFeedDays, type FeedDay as Day } from './queries.ts';

const LABELS: Record<string, string> = { 'feed.xlsx': 'Excel', 'ratings.jsonl': '评价 JSONL', 'cases.jsonl': '办件 JSONL' };

/** 省级上报: the daily files of ratings and decided cases (generated at 01:30 for the day before), for the county admin. */
export default function FeedPage() {
  const days = useFeedDays();
  const [error, setError] = useState<string | null>(null);
  return (
    <Card title="好差评省级上报">
      <Typography.Paragraph type="secondary">
        每日 01:30 自动生成前一日的评价和办结数据（JSON Lines 与 Excel），不含申请人姓名、证件号和电话。下载记入审计。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Table<Day>
        rowKey="day"
        size="small"
        loading={days.isPending}
        dataSource={days.data?.days ?? []}
        locale={{ emptyText: days.isError ? errorText(days.error) : '暂无上报文件' }}
        columns={[
          { title: '日期', dataIndex: 'day' },
          { title: '生成时间', key: 'at', render: (_: unknown, d) => bjDateTime(d.files[0]?.lastModified) },
          {
            title: '下载',
            key: 'files',
            render: (_: unknown, d) => (
              <Space>
                {d.files.map((f) => (
                  <Button
                    key={f.file}
                    size="small"
                    onClick={() => {
                      setError(null);
                      download(`/api/ratings/feed/${d.day}?file=${encodeURIComponent(f.file)}`, `好差评上报-${d.day}-${f.file}`).catch((e) =>
                        setError(errorText(e)),
                      );
                    }}
                  >
                    {LABELS[f.file] ?? f.file}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
