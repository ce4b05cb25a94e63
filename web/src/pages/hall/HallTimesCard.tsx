import { useEffect, useState } from 'react';
import { Alert, Button, Card, Table } from 'antd';
import { api, download, errorText } from '../../shell/api.ts';
import type { TimesRow } from '@shared/hall/figures.ts';

/** 大厅等候与办理时长 on the dashboard: average waiting and service minutes per office, queue and window, with its Excel. */
export function HallTimesCard({ month }: { month?: string }) {
  const [data, setData] = useState<{ month: string; rows: TimesRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const q = month ? `?month=${month}` : '';
  useEffect(() => {
    api<{ month: string; rows: TimesRow[] }>(`/api/hall/times${q}`).then(setData, (e: unknown) => setError(errorText(e)));
  }, [q]);
  return (
    <Card
      title={`大厅等候与办理时长${data ? `（${data.month}）` : ''}`}
      data-testid="hall-times"
      extra={
        <Button
          onClick={() =>
            void download(`/api/hall/times${q ? `${q}&` : '?'}format=xlsx`, '大厅等候与办理时长.xlsx').catch((e: unknown) => setError(errorText(e)))
          }
        >
          导出 Excel
        </Button>
      }
    >
      {error && <Alert type="warning" showIcon message={error} />}
      <Table
        size="small"
        rowKey={(r) => `${r.officeId}#${r.dim}`}
        loading={!data && !error}
        pagination={false}
        dataSource={data?.rows ?? []}
        columns={[
          { title: '中心', dataIndex: 'officeName' },
          { title: '范围', dataIndex: 'label' },
          { title: '叫号数', dataIndex: 'waited' },
          { title: '平均等候(分钟)', render: (_: unknown, r: TimesRow) => r.avgWaitMin ?? '—' },
          { title: '办结数', dataIndex: 'served' },
          { title: '平均办理(分钟)', render: (_: unknown, r: TimesRow) => r.avgServiceMin ?? '—' },
        ]}
      />
    </Card>
  );
}
