import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Row, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { errorText } from '../../shell/api.ts';
import { hallClient, type TicketView } from './client.ts';
import { useHall } from './queries.ts';
import './hall.css';

/** 取号机 (`/hall/<officeId>/kiosk`): a number per queue, or the V number of an appointment by its code (签到). */
export default function KioskPage() {
  const { officeId = '' } = useParams();
  const hallQuery = useHall(officeId);
  const hall = hallQuery.data?.hall ?? null;
  const [takeError, setError] = useState<string | null>(null);
  const error = takeError ?? (hallQuery.isError ? errorText(hallQuery.error) : null);
  const [ticket, setTicket] = useState<TicketView | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ code: string }>();

  // the printed number stays a while, then the kiosk is ready for the next person
  useEffect(() => {
    if (!ticket) return;
    const t = setTimeout(() => setTicket(null), 20_000);
    return () => clearTimeout(t);
  }, [ticket]);

  const take = async (body: { queue: string } | { appointmentCode: string }) => {
    setBusy(true);
    setError(null);
    try {
      setTicket((await hallClient.ticket(officeId, body)).ticket);
      form.resetFields();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (ticket) {
    return (
      <main className="hall-kiosk">
        <Card data-testid="kiosk-ticket">
          <Typography.Title level={1} style={{ textAlign: 'center' }}>
            您的号码
          </Typography.Title>
          <div className="ticket-number" data-testid="ticket-number">
            {ticket.number}
          </div>
          <Typography.Paragraph style={{ fontSize: 28, textAlign: 'center' }}>
            {ticket.queueName} · 前面还有 {ticket.ahead} 人
          </Typography.Paragraph>
          <Button size="large" block onClick={() => setTicket(null)}>
            完成
          </Button>
        </Card>
      </main>
    );
  }
  return (
    <main className="hall-kiosk">
      <Typography.Title level={1}>{hall?.name ?? '取号'}</Typography.Title>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="kiosk-error" />}
      <Row gutter={[16, 16]}>
        {hall?.queues.map((q) => (
          <Col span={12} key={q.code}>
            <Button type="primary" className="queue-button" block disabled={busy} onClick={() => void take({ queue: q.code })}>
              {q.code} {q.name}
            </Button>
          </Col>
        ))}
      </Row>
      <Card title="预约签到" style={{ marginTop: 24 }}>
        <Form form={form} layout="inline" onFinish={(v) => void take({ appointmentCode: v.code.trim().toUpperCase() })}>
          <Form.Item name="code" label="预约码" rules={[{ required: true, pattern: /^[A-Za-z2-9]{8}$/, message: '请输入 8 位预约码' }]}>
            <Input size="large" maxLength={8} style={{ width: 240, textTransform: 'uppercase' }} />
          </Form.Item>
          <Button type="primary" size="large" htmlType="submit" disabled={busy}>
            签到取号
          </Button>
        </Form>
      </Card>
    </main>
  );
}
