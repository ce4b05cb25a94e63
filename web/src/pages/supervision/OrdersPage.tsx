import { bjDateTime } from '@shared/platform/beijing-time.ts';
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Table, Tabs, Tag, Typography, message } from 'antd';
import { Link } from 'react-router-dom';
import type { Order, OrderState } from '@shared/supervision/order.ts';
import { applyFieldErrors } from '../../shell/api.ts';
import { useSession } from '../../shell/session.tsx';
import { ORDER_STATE_COLORS, ORDER_STATE_LABELS } from './format.ts';
import { useAccountability, useOffices, useOrders, useRespond } from './queries.ts';

const TABS: Array<[OrderState | 'all', string]> = [
  ['open', '待反馈'],
  ['overdue', '逾期未反馈'],
  ['answered', '已反馈'],
  ['answered_late', '逾期后反馈'],
  ['all', '全部'],
];

/** 督办: orders issued (supervisors) or received (a center head), the 反馈, and the 问责 list. */
export default function OrdersPage() {
  const { can } = useSession();
  const [tab, setTab] = useState<OrderState | 'all' | 'accountability'>('open');
  const orders = useOrders(tab === 'all' || tab === 'accountability' ? {} : { state: tab });
  const accountability = useAccountability();
  const offices = useOffices();
  const respond = useRespond();
  const [answering, setAnswering] = useState<Order | null>(null);
  const [form] = Form.useForm<{ response: string }>();
  const name = (id: string) => offices.data?.name(id) ?? id;

  const submit = (v: { response: string }) =>
    respond.mutate(
      { id: answering!.id, response: v.response },
      {
        onSuccess: () => {
          void message.success('已反馈');
          setAnswering(null);
          form.resetFields();
        },
        onError: (e) => applyFieldErrors(form, e),
      },
    );

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        督办
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as typeof tab)}
        items={[...TABS.map(([key, label]) => ({ key, label })), { key: 'accountability', label: '问责名单' }]}
      />
      {tab === 'accountability' ? (
        <Table
          rowKey="orderId"
          dataSource={accountability.data?.entries ?? []}
          loading={accountability.isFetching}
          data-testid="accountability-table"
          columns={[
            { title: '受理编号', dataIndex: 'caseNumber', render: (n: string, e) => <Link to={`/cases/${e.caseId}`}>{n}</Link> },
            { title: '事项', dataIndex: 'itemName' },
            { title: '单位', dataIndex: 'officeId', render: name },
            { title: '原因', dataIndex: 'reason' },
            { title: '列入时间（北京）', dataIndex: 'at', render: (at: string) => bjDateTime(at) },
          ]}
        />
      ) : (
        <>
          {orders.isError && <Alert type="error" showIcon message={orders.error.message} />}
          <Table<Order>
            rowKey="id"
            dataSource={orders.data?.orders ?? []}
            loading={orders.isFetching}
            data-testid="orders-table"
            expandable={{
              expandedRowRender: (o) =>
                o.response ? (
                  <span>
                    反馈（{bjDateTime(o.response.at)}，{o.response.by}）：{o.response.text}
                  </span>
                ) : (
                  <span>尚未反馈</span>
                ),
              rowExpandable: () => true,
            }}
            columns={[
              { title: '受理编号', dataIndex: 'caseNumber', render: (n: string, o) => <Link to={`/cases/${o.caseId}`}>{n}</Link> },
              { title: '事项', dataIndex: 'itemName' },
              { title: '承办单位', dataIndex: 'officeId', render: name },
              { title: '督办要求', dataIndex: 'requirement' },
              { title: '反馈期限', dataIndex: 'deadlineDate' },
              { title: '发出（北京）', dataIndex: 'issuedAt', render: (at: string) => bjDateTime(at) },
              { title: '状态', dataIndex: 'state', render: (s: OrderState) => <Tag color={ORDER_STATE_COLORS[s]}>{ORDER_STATE_LABELS[s]}</Tag> },
              {
                title: '操作',
                key: 'actions',
                render: (_v, o) =>
                  can('supervision.respond') && (o.state === 'open' || o.state === 'overdue') ? (
                    <Button size="small" type="primary" onClick={() => setAnswering(o)} data-testid="order-respond">
                      反馈
                    </Button>
                  ) : null,
              },
            ]}
          />
        </>
      )}
      <Modal
        title={`督办反馈：${answering?.caseNumber ?? ''}`}
        open={answering !== null}
        onCancel={() => setAnswering(null)}
        onOk={() => form.submit()}
        okText="提交反馈"
        confirmLoading={respond.isPending}
        destroyOnHidden
      >
        {answering && (
          <Typography.Paragraph>
            督办要求：{answering.requirement}（{answering.deadlineDate} 前反馈）
          </Typography.Paragraph>
        )}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="response" label="反馈内容" rules={[{ required: true, message: '请填写反馈内容' }]}>
            <Input.TextArea rows={4} maxLength={1000} showCount data-testid="order-response" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
