import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../shell/api.ts';

interface Status {
  number: string;
  itemName: string;
  statusLabel: string;
  applicantName: string;
  acceptedAt?: string;
  dueDate?: string;
  decidedAt?: string;
  missingMaterials: string[];
}

/** 办件进度查询 (public): the receipt's QR code lands here; the last four phone digits unlock it. */
export default function PublicStatusPage() {
  const { number = '' } = useParams();
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  // 评价服务: the rating page takes the same key; the receipt's QR says it came from there
  const [phone4, setPhone4] = useState('');
  const fromQr = useSearchParams()[0].get('from') === 'qr';

  const submit = async (v: { number: string; phone4: string }) => {
    setError(null);
    setPhone4(v.phone4);
    try {
      setStatus(await api<Status>(`/api/public/cases/${encodeURIComponent(v.number.trim())}?phone4=${encodeURIComponent(v.phone4)}`));
    } catch (e) {
      setStatus(null);
      setError((e as Error).message);
    }
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
        {error && <Alert type="warning" showIcon message={error} style={{ marginTop: 16 }} />}
        {status && (
          <Descriptions column={1} bordered style={{ marginTop: 16 }} data-testid="public-status">
            <Descriptions.Item label="事项">{status.itemName}</Descriptions.Item>
            <Descriptions.Item label="申请人">{status.applicantName}</Descriptions.Item>
            <Descriptions.Item label="状态">{status.statusLabel}</Descriptions.Item>
            {status.acceptedAt && <Descriptions.Item label="受理时间">{status.acceptedAt.slice(0, 10)}</Descriptions.Item>}
            {status.dueDate && <Descriptions.Item label="承诺办结日">{status.dueDate}</Descriptions.Item>}
            {status.missingMaterials.length > 0 && <Descriptions.Item label="需补正材料">{status.missingMaterials.join('、')}</Descriptions.Item>}
          </Descriptions>
        )}
        {status && (
          <Link to={`/rate/${encodeURIComponent(status.number)}`} state={{ phone4, channel: fromQr ? 'qr' : 'web' }}>
            <Button size="large" block style={{ marginTop: 16 }}>
              评价服务
            </Button>
          </Link>
        )}
      </Card>
    </div>
  );
}
