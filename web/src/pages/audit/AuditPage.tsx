import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { bjDateTimeSeconds } from '@shared/platform/beijing-time.ts';
import { ACTION_OPTIONS, auditSentence } from '@shared/audit/labels.ts';
import { actorLabel } from '@shared/audit/audit.ts';
import { errorText } from '../../shell/api.ts';
import { ResponsiveTable } from '../../shell/responsive-table.tsx';
import { useOffices } from '../../shell/offices.ts';
import { useAuditEvents, useAuditExport, type AuditEvent } from './queries.ts';
interface Filters {
  range?: [Dayjs, Dayjs];
  actor?: string;
  action?: string;
  result?: string;
}

const toQuery = (f: Filters): string => {
  const q = new URLSearchParams();
  if (f.range) {
    q.set('from', f.range[0].format('YYYY-MM-DD'));
    q.set('to', f.range[1].format('YYYY-MM-DD'));
  }
  if (f.actor) q.set('actor', f.actor);
  if (f.action) q.set('action', f.action);
  if (f.result) q.set('result', f.result);
  return q.toString();
};

/** 审计记录: browse with filters, export to Excel (the export is itself audited). */
export default function AuditPage() {
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState('');
  const events = useAuditEvents(query);
  const exporter = useAuditExport();
  const offices = useOffices();
  const search = (f: Filters) => {
    const next = toQuery(f);
    // the same filters again ask the server again (new events may have come)
    if (next === query) void events.refetch();
    else setQuery(next);
  };

  return (
    <Card>
      <Typography.Title level={1} className="page-title">
        审计记录
      </Typography.Title>
      <Form form={form} layout="inline" onFinish={search} style={{ rowGap: 8 }}>
        <Form.Item name="range" label="日期">
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="actor" label="操作人">
          <Input allowClear placeholder="姓名或账号" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Select allowClear showSearch optionFilterProp="label" placeholder="如 登录" style={{ width: 180 }} options={ACTION_OPTIONS} />
        </Form.Item>
        <Form.Item name="result" label="结果">
          <Select
            allowClear
            style={{ width: 100 }}
            options={[
              { value: 'success', label: '成功' },
              { value: 'failure', label: '失败' },
            ]}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={events.isFetching}>
            查询
          </Button>
          <Button onClick={() => exporter.mutate(toQuery(form.getFieldsValue()))}>导出 Excel</Button>
        </Space>
      </Form>
      {events.isError && <Alert type="error" showIcon message={errorText(events.error)} style={{ marginTop: 12 }} />}
      {events.data?.truncated && <Alert type="warning" showIcon message="结果过多，仅显示最近 5000 条，请缩小查询范围" style={{ marginTop: 12 }} />}
      <ResponsiveTable<AuditEvent>
        rowKey="id"
        style={{ marginTop: 16 }}
        dataSource={events.data?.events ?? []}
        loading={events.isFetching}
        // an audit trail is read in bulk: 50 a page
        pagination={{ defaultPageSize: 50, showSizeChanger: false }}
        data-testid="audit-table"
        columns={[
          { title: '时间', dataIndex: 'at', render: (at: string) => bjDateTimeSeconds(at) },
          // one Chinese sentence with names and case numbers; login names, codes and ids only in the export's extra columns
          {
            title: '记录',
            key: 'sentence',
            render: (_: unknown, e: AuditEvent) => auditSentence({ ...e, actorName: actorLabel(e.actor) }, offices.data?.names),
          },
          { title: '结果', dataIndex: 'result', render: (r: string) => (r === 'success' ? <Tag color="green">成功</Tag> : <Tag color="red">失败</Tag>) },
          { title: '来源', dataIndex: 'sourceIp' },
        ]}
      />
    </Card>
  );
}
