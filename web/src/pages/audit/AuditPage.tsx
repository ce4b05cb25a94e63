import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, getToken } from '../../shell/api.ts';
import { runtimeConfig } from '../../shell/config.ts';

interface AuditEvent {
  id: string;
  at: string;
  actor: { username?: string; anonymous?: string; officeId?: string };
  action: string;
  target?: { type: string; id: string };
  result: 'success' | 'failure';
  sourceIp: string;
  detail?: string;
}
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
  const [rows, setRows] = useState<AuditEvent[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const search = useCallback(async (f: Filters) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ events: AuditEvent[]; truncated: boolean }>(`/api/audit?${toQuery(f)}`);
      setRows(r.events);
      setTruncated(r.truncated);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }, []);
  useEffect(() => void search({}), [search]);

  const exportXlsx = async () => {
    const res = await fetch(`${runtimeConfig().apiBaseUrl}/api/audit/export?${toQuery(form.getFieldsValue())}`, { headers: { authorization: `Bearer ${getToken()}` } });
    if (!res.ok) return setError('导出失败，请稍后再试');
    const url = URL.createObjectURL(await res.blob());
    const a = Object.assign(document.createElement('a'), { href: url, download: `审计记录-${dayjs().format('YYYY-MM-DD')}.xlsx` });
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Card>
      <Typography.Title level={4}>审计记录</Typography.Title>
      <Form form={form} layout="inline" onFinish={search} style={{ rowGap: 8 }}>
        <Form.Item name="range" label="日期">
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="actor" label="操作人">
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Input allowClear placeholder="如 auth.login" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="result" label="结果">
          <Select allowClear style={{ width: 100 }} options={[{ value: 'success', label: '成功' }, { value: 'failure', label: '失败' }]} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            查询
          </Button>
          <Button onClick={() => void exportXlsx()}>导出 Excel</Button>
        </Space>
      </Form>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
      {truncated && <Alert type="warning" showIcon message="结果过多，仅显示最近 5000 条，请缩小查询范围" style={{ marginTop: 12 }} />}
      <Table
        rowKey="id"
        style={{ marginTop: 16 }}
        dataSource={rows}
        data-testid="audit-table"
        columns={[
          { title: '时间', dataIndex: 'at', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
          { title: '操作人', render: (_: unknown, e: AuditEvent) => e.actor.username ?? `（未登录）${e.actor.anonymous ?? ''}` },
          { title: '操作', dataIndex: 'action' },
          { title: '对象', render: (_: unknown, e: AuditEvent) => (e.target ? `${e.target.type}:${e.target.id}` : '') },
          { title: '结果', dataIndex: 'result', render: (r: string) => (r === 'success' ? <Tag color="green">成功</Tag> : <Tag color="red">失败</Tag>) },
          { title: '来源', dataIndex: 'sourceIp' },
          { title: '说明', dataIndex: 'detail' },
        ]}
      />
    </Card>
  );
}
