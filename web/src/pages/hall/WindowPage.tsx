import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Popconfirm, Select, Space, Table, Tag, Typography, message } from 'antd';
import { Link } from 'react-router-dom';
import { api, errorText } from '../../shell/api.ts';
import type { Appointment, Ticket } from '@shared/hall/responses.ts';
import { bjTime, hallClient } from './client.ts';
import { hallKeys, useHallAppointments, useWindowState } from './queries.ts';

const STATUS: Record<Appointment['status'], string> = { booked: '待签到', 'checked-in': '已签到', cancelled: '已取消' };

/**
 * 叫号 at the clerk's window: choose the window, call the next number (transfers to this window,
 * then appointments whose slot has come, then walk-ins), call again, mark missed (过号), send to
 * another window, finish; take the citizen's case in from the ticket and put it on the evaluator.
 */
export default function WindowPage() {
  const windowQuery = useWindowState();
  const appointmentsQuery = useHallAppointments();
  const state = windowQuery.data ?? null;
  const appointments = appointmentsQuery.data?.appointments ?? [];
  const error = windowQuery.isError ? errorText(windowQuery.error) : null;
  const [busy, setBusy] = useState(false);
  const [target, setTarget] = useState<string>();
  const client = useQueryClient();

  const act = async (f: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await f();
      if (done) void message.success(done);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      // the window and the day's appointments as they are now, whether it worked or not
      await Promise.all([client.invalidateQueries({ queryKey: hallKeys.window }), client.invalidateQueries({ queryKey: hallKeys.allAppointments })]);
      setBusy(false);
    }
  };
  const call = () =>
    act(async () => {
      const t = await hallClient.call();
      if (!t) void message.info('当前没有等候的号');
    });
  // 一次一评: every case taken in from the ticket goes on the evaluator, rated with one tap
  const evaluate = (t: Ticket) => {
    const caseId = t.cases?.[t.cases.length - 1];
    if (caseId) void act(() => api('/api/ratings/evaluator', { method: 'POST', json: { caseId, caseIds: t.cases } }), '已推送到评价器');
  };

  if (!state) return <Card loading={!error}>{error && <Alert type="error" showIcon message={error} />}</Card>;
  if (!state.hall) return <Empty description="本中心未开通预约取号" />;
  const current = state.current;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card>
        <Typography.Title level={1} className="page-title">
          叫号
        </Typography.Title>
        {error && <Alert type="error" showIcon message={error} />}
        <Space wrap>
          <span>我的窗口</span>
          <Select
            aria-label="我的窗口"
            data-testid="window-select"
            style={{ width: 200 }}
            value={state.seat?.window}
            placeholder="选择窗口"
            onChange={(w: string) => void act(() => hallClient.seat(w))}
            options={state.hall.windows.map((w) => ({ value: w.no, label: `${w.no} 号窗口（${w.queues.join('、')}）` }))}
          />
          <Button type="primary" size="large" data-testid="call-next" disabled={!state.seat || busy} onClick={() => void call()}>
            叫号
          </Button>
        </Space>
        <Typography.Paragraph style={{ marginTop: 12 }}>
          等候：
          {Object.entries(state.waiting).map(([lane, n]) => (
            <Tag key={lane}>
              {lane.startsWith('W') ? `转本窗口` : lane} {n} 人
            </Tag>
          ))}
        </Typography.Paragraph>
      </Card>
      <Card title="当前号" data-testid="current-ticket">
        {current ? (
          <>
            <Descriptions column={2} bordered size="small">
              <Descriptions.Item label="号码">
                <Typography.Text strong style={{ fontSize: 28 }} data-testid="current-number">
                  {current.number}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="叫号">
                {bjTime(current.calledAt!)}（第 {current.calls} 次）
              </Descriptions.Item>
              {current.appointmentCode && <Descriptions.Item label="预约码">{current.appointmentCode}</Descriptions.Item>}
              <Descriptions.Item label="已受理">{current.cases?.length ? `${current.cases.length} 件` : '—'}</Descriptions.Item>
            </Descriptions>
            <Space wrap style={{ marginTop: 12 }}>
              <Link to={`/cases/new?ticket=${current.id}`} data-testid="intake-from-ticket">
                <Button type="primary">受理</Button>
              </Link>
              <Button disabled={!current.cases?.length || busy} onClick={() => evaluate(current)} data-testid="ticket-evaluate">
                请评价
              </Button>
              <Button disabled={busy} onClick={() => void act(() => hallClient.recall(), '已重新呼叫')}>
                重呼
              </Button>
              <Popconfirm title="确定过号？该号将不再呼叫" onConfirm={() => void act(() => hallClient.miss(), '已过号')}>
                <Button danger disabled={busy}>
                  过号
                </Button>
              </Popconfirm>
              <Select
                aria-label="转到窗口"
                style={{ width: 140 }}
                placeholder="转到窗口"
                value={target}
                onChange={setTarget}
                options={state.hall.windows.filter((w) => w.no !== state.seat?.window).map((w) => ({ value: w.no, label: `${w.no} 号窗口` }))}
              />
              <Popconfirm
                title={`确定转到 ${target ?? ''} 号窗口？`}
                disabled={!target}
                onConfirm={() => target && void act(() => hallClient.transfer(target), '已转窗口')}
              >
                <Button disabled={!target || busy}>转窗口</Button>
              </Popconfirm>
              <Button disabled={busy} onClick={() => void act(() => hallClient.finish(), '已办结')}>
                完成
              </Button>
            </Space>
          </>
        ) : (
          <Empty description="本窗口当前没有叫到的号" />
        )}
      </Card>
      <Card title="今日预约">
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={appointments}
          columns={[
            { title: '时段', render: (_: unknown, a: Appointment) => `${bjTime(a.start)}–${bjTime(a.end)}` },
            { title: '预约码', dataIndex: 'code' },
            { title: '事项', dataIndex: 'itemName' },
            { title: '预约人', render: (_: unknown, a: Appointment) => `${a.name} ${a.phone}` },
            { title: '状态', render: (_: unknown, a: Appointment) => STATUS[a.status] },
          ]}
        />
      </Card>
    </Space>
  );
}
