import { useState } from 'react';
import { Alert, Button, Card, Table } from 'antd';
import { download, errorText } from '../../shell/api.ts';
import { useHallTimes } from './queries.ts';
import type { TimesRow } from '@shared/hall/responses.ts';

/** 大厅等候与办理时长 on the dashboard: average waiting and service minutes per office, queue and window, with its Excel. */
export function HallTimesCard({ month }: { month?: string }) {
  const times = useHallTimes(month ?? '');
  const data = times.data;
  const [exportError, setExportError] = useState<string | null>(null);
  const error = exportError ?? (times.isError ? errorText(times.error) : null);
  const q = month ? `?month=${encodeURIComponent(month)}` : '';
  return (
    <Card
      title={`大厅等候与办理时长${data ? `（${data.month}）` : ''}`}
      data-testid="hall-times"
      extra={
        <Button
          onClick={() =>
            void download(`/api/hall/times${q ? `${q}&` : '?'}format=xlsx`, '大厅等候与办理时长.xlsx').catch((e: unknown) => setExportError(errorText(e)))
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
        loading={times.isPending}
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
