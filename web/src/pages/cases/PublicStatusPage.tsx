import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { bjDateTime } from '../../../../shared/platform/beijing-time.ts';
import { errorText } from '../../shell/api.ts';
import { usePublicStatus } from './queries.ts';

/** 办件进度查询 (public): the receipt's QR code lands here; the last four phone digits unlock it. */
export default function PublicStatusPage() {
  const { number = '' } = useParams();
  const [lookup, setLookup] = useState<{ number: string; phone4: string } | null>(null);
  const query = usePublicStatus(lookup);
  const status = query.isError ? undefined : query.data;

  const submit = (v: { number: string; phone4: string }) => {
    const next = { number: v.number.trim(), phone4: v.phone4 };
    // the same question again asks the server again (the case may have moved on)
    if (lookup && lookup.number === next.number && lookup.phone4 === next.phone4) void query.refetch();
    else setLookup(next);
  };

  return (
    <div style={{ maxWidth: 560, margin: '24px auto', padding: 16 }}>
      <Card>
        <Typography.Title level={3}>办件进度查询</Typography.Title>
        <Form layout="vertical" onFinish={submit} initialValues={{ number }}>
          <Form.Item name="number" label="受理编号" rules={[{ required: true, message: '请填写受理编号' }]}>
            <Input size="large" placeholder="如 411521-20261122-0042" />
          </Form.Item>
          <Form.Item name="phone4" label="申请人手机号后四位" rules={[{ required: true, pattern: /^\d{4}$/, message: '请填写手机号后四位' }]}>
            <Input size="large" maxLength={4} inputMode="numeric" />
          </Form.Item>
          <Button type="primary" size="large" htmlType="submit" block>
            查询
          </Button>
        </Form>
        {query.isError && <Alert type="warning" showIcon message={errorText(query.error)} style={{ marginTop: 16 }} />}
        {status && (
          <Descriptions column={1} bordered style={{ marginTop: 16 }} data-testid="public-status">
            <Descriptions.Item label="事项">{status.itemName}</Descriptions.Item>
            <Descriptions.Item label="申请人">{status.applicantName}</Descriptions.Item>
            <Descriptions.Item label="状态">{status.statusLabel}</Descriptions.Item>
            {status.acceptedAt && <Descriptions.Item label="受理时间">{bjDateTime(status.acceptedAt)}</Descriptions.Item>}
            {status.dueDate && <Descriptions.Item label="承诺办结日">{status.dueDate}</Descriptions.Item>}
            {status.missingMaterials.length > 0 && <Descriptions.Item label="需补正材料">{status.missingMaterials.join('、')}</Descriptions.Item>}
          </Descriptions>
        )}
      </Card>
    </div>
  );
}
