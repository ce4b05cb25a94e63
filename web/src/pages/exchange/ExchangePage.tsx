import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Space, Statistic, Tag, Typography, message } from 'antd';
import dayjs from 'dayjs';
import { bjDateTime, bjDay } from '@shared/platform/beijing-time.ts';
import { RECORD_STATUS_LABELS, STAGE_LABELS, type RecordStatus, type Stage } from '@shared/exchange/model.ts';
import { errorText } from '../../shell/api.ts';
import { useFormErrors } from '../../shell/form-errors.tsx';
import { ResponsiveTable } from '../../shell/responsive-table.tsx';
import { useExchangeStatus, useRejectedRecords, useResend, type ExchangeStatus, type RejectedRecord } from './queries.ts';

const STATUS_COLORS: Record<RecordStatus, string> = { pending: 'gold', acknowledged: 'green', rejected: 'red' };
const stageLabel = (v: string): string => STAGE_LABELS[v as Stage] ?? v;

type Line = ExchangeStatus['records'][number];

/** 省平台对接 (county admin): a day's stage records pushed to the province, the rejected ones corrected and re-sent. */
export default function ExchangePage() {
  const [day, setDay] = useState(bjDay(new Date()));
  const status = useExchangeStatus(day);
  const rejected = useRejectedRecords(day);
  const [fixing, setFixing] = useState<RejectedRecord | null>(null);
  const s = status.data;
  const province = rejected.data?.province;
  return (
    <Card>
      <Typography.Title level={1} className="page-title">
        省平台对接
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        每件办件的受理、补正、不予受理、转报签收、办结、送达和评价，按发生顺序逐条推送省一体化政务服务平台，省平台确认后记回执。只报送申请人类型和脱敏后的名称。
        推送中断时，可下载<Link to="/ratings/feed">省级上报文件</Link>手工报送。
      </Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label="日期">
          <DatePicker
            allowClear={false}
            value={dayjs(day)}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))}
            aria-label="日期"
          />
        </Form.Item>
      </Form>
      {status.isError && <Alert type="error" showIcon message={errorText(status.error)} style={{ marginBottom: 12 }} />}
      {s && (
        <Space size="large" wrap style={{ marginBottom: 16 }} data-testid="exchange-counts">
          <Statistic title="已推送" value={s.pushed} />
          <Statistic title="已确认" value={s.acknowledged} />
          <Statistic title="被退回" value={s.rejected} />
          <Statistic title="待确认" value={s.pending} />
          {province && <Statistic title="省平台当日接收" value={province.count} suffix={province.matches ? '（一致）' : '（不一致）'} />}
        </Space>
      )}
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        被退回的记录
      </Typography.Title>
      {rejected.isError && <Alert type="error" showIcon message={errorText(rejected.error)} style={{ marginBottom: 12 }} />}
      <ResponsiveTable<RejectedRecord>
        data-testid="exchange-rejected"
        rowKey={(r) => `${r.caseId}/${r.id}`}
        loading={rejected.isFetching}
        dataSource={rejected.data?.records ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '当日没有被退回的记录' }}
        columns={[
          { title: '受理编号', dataIndex: 'caseNumber' },
          { title: '环节', dataIndex: 'stageLabel' },
          { title: '事项', key: 'item', render: (_: unknown, r) => `${r.itemName}（${r.itemCode}）` },
          { title: '退回原因', dataIndex: 'reason' },
          { title: '发生时间', dataIndex: 'at', render: (t: string) => bjDateTime(t) },
          {
            title: '操作',
            key: 'fix',
            render: (_: unknown, r) => (
              <Button size="small" onClick={() => setFixing(r)} aria-label={`更正后重发 ${r.caseNumber} ${r.stageLabel}`}>
                更正后重发
              </Button>
            ),
          },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>
        当日全部记录
      </Typography.Title>
      <ResponsiveTable<Line>
        data-testid="exchange-records"
        rowKey={(r) => `${r.caseNumber}/${r.stage}`}
        loading={status.isFetching}
        dataSource={s?.records ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '当日没有上报记录' }}
        columns={[
          { title: '受理编号', dataIndex: 'caseNumber' },
          { title: '环节', dataIndex: 'stage', render: (v: string) => stageLabel(v) },
          { title: '状态', dataIndex: 'status', render: (v: RecordStatus) => <Tag color={STATUS_COLORS[v]}>{RECORD_STATUS_LABELS[v] ?? v}</Tag> },
          { title: '原因', dataIndex: 'reason', render: (v?: string) => v ?? '—' },
        ]}
      />
      {fixing && <ResendDialog record={fixing} onClose={() => setFixing(null)} />}
    </Card>
  );
}

/** 更正后重发: asks first (what is sent again, to whom), then sends; the server's field errors land on their fields. */
function ResendDialog({ record, onClose }: { record: RejectedRecord; onClose: () => void }) {
  const [form] = Form.useForm<{ itemCode: string; note: string }>();
  const resend = useResend();
  const errors = useFormErrors(form);
  const send = async () => {
    // a field the form itself refuses shows on its field: nothing is sent
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    errors.clear();
    try {
      const r = await resend.mutateAsync({
        caseId: record.caseId,
        id: record.id,
        itemCode: v.itemCode.trim() === record.itemCode ? '' : v.itemCode.trim(),
        note: v.note,
      });
      if (r.record.status === 'acknowledged') void message.success('省平台已确认接收');
      else if (r.record.status === 'rejected') void message.warning(`省平台再次退回：${r.record.reason ?? ''}`);
      else void message.info('已重发，等待省平台确认');
      onClose();
    } catch (e) {
      errors.fail(e);
    }
  };
  return (
    <Modal
      open
      title={`更正后重发：${record.caseNumber} ${record.stageLabel}`}
      okText="确认重发"
      cancelText="取消"
      confirmLoading={resend.isPending}
      onOk={() => void send()}
      onCancel={onClose}
    >
      <Typography.Paragraph>
        退回原因：<Typography.Text type="danger">{record.reason}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">确认后，这条记录将按更正后的内容重新推送省平台，其后被暂缓的记录随之推送。此操作记入审计。</Typography.Paragraph>
      {errors.alert}
      <Form form={form} layout="vertical" initialValues={{ itemCode: record.itemCode, note: '' }}>
        <Form.Item name="itemCode" label="省级事项编码" extra="省平台事项库中的编码与本县不同时填写">
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="note" label="更正说明" rules={[{ required: true, message: '请写明更正内容' }]}>
          <Input.TextArea maxLength={200} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
