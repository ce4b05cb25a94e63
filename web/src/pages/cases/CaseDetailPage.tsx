import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag, Timeline, Typography, message } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, applyFieldErrors } from '../../shell/api.ts';
import { useSession } from '../../shell/session.tsx';
import { EVENT_LABELS, KIND_LABELS, type CaseView, type TimelineEvent } from './types.ts';
import CaseNetworkPanel from '../network/CaseNetworkPanel.tsx';

type Action = 'supplement' | 'start' | 'suspend' | 'resume' | 'extend' | 'decide' | 'fees' | 'deliver' | 'withdraw';

/** Which actions a status allows, and the scope each needs (the server checks both again). */
const ACTIONS: Array<{ action: Action; label: string; statuses: string[]; scope: string }> = [
  { action: 'supplement', label: '补正受理', statuses: ['awaiting_supplement'], scope: 'case.accept' },
  { action: 'start', label: '开始办理', statuses: ['accepted'], scope: 'case.handle' },
  { action: 'suspend', label: '特别程序', statuses: ['accepted', 'in_progress'], scope: 'case.handle' },
  { action: 'resume', label: '恢复办理', statuses: ['suspended'], scope: 'case.handle' },
  { action: 'extend', label: '延期', statuses: ['accepted', 'in_progress'], scope: 'case.extend' },
  { action: 'fees', label: '登记收费', statuses: ['accepted', 'in_progress', 'decided'], scope: 'case.handle' },
  { action: 'decide', label: '办结', statuses: ['accepted', 'in_progress'], scope: 'case.decide' },
  { action: 'deliver', label: '送达', statuses: ['decided'], scope: 'case.handle' },
  { action: 'withdraw', label: '撤回', statuses: ['awaiting_supplement', 'accepted', 'in_progress', 'suspended'], scope: 'case.handle' },
];

export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { can, user } = useSession();
  const [c, setCase] = useState<CaseView | null>(null);
  const [events, setEvents] = useState<TimelineEvent[]>([]);
  const [procedures, setProcedures] = useState<Array<{ name: string; maxDays: number }>>([]);
  const [open, setOpen] = useState<Action | null>(null);
  const [fullId, setFullId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(() => {
    api<{ case: CaseView; events: TimelineEvent[] }>(`/api/cases/${id}`)
      .then((r) => {
        setCase(r.case);
        setEvents(r.events);
        return api<{ item: { specialProcedures: Array<{ name: string; maxDays: number }> } }>(`/api/items/${r.case.itemCode}?version=${r.case.itemVersion}`);
      })
      .then((g) => setProcedures(g.item.specialProcedures ?? []))
      .catch((e: Error) => setError(e.message));
  }, [id]);
  useEffect(load, [load]);

  const submit = async (values: Record<string, unknown>) => {
    if (!c || !open) return;
    try {
      await api(`/api/cases/${id}/${open}`, { method: 'POST', json: { expectedVersion: c.version, ...values } });
      setOpen(null);
      form.resetFields();
      void message.success('已保存');
      load();
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error((e as Error).message);
    }
  };

  const viewId = async () => {
    const r = await api<{ idNumber: string }>(`/api/cases/${id}/view-id`, { method: 'POST' });
    setFullId(r.idNumber);
  };

  if (error) return <Alert type="error" showIcon message={error} />;
  if (!c) return null;
  // only the office holding the case acts on it (the network: 转报 moves it between offices)
  const holds = (c.handlingOfficeId ?? c.officeId) === user?.officeId;
  const available = ACTIONS.filter((a) => holds && a.statuses.includes(c.status) && can(a.scope));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card>
        <Space style={{ justifyContent: 'space-between', width: '100%', flexWrap: 'wrap' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {c.itemName} <Tag color="blue">{c.statusLabel}</Tag>
          </Typography.Title>
          <Space wrap>
            {available.map((a) => (
              <Button key={a.action} onClick={() => setOpen(a.action)} data-testid={`action-${a.action}`}>
                {a.label}
              </Button>
            ))}
            <Link to={`/cases/${id}/print`}>
              <Button type="primary">打印文书</Button>
            </Link>
          </Space>
        </Space>
        <Descriptions column={{ xs: 1, md: 2 }} style={{ marginTop: 16 }} data-testid="case-details">
          <Descriptions.Item label="受理编号">{c.number}</Descriptions.Item>
          <Descriptions.Item label="办件类型">{KIND_LABELS[c.kind]}</Descriptions.Item>
          <Descriptions.Item label="申请人">{c.applicant.name}</Descriptions.Item>
          <Descriptions.Item label="证件号码">
            {fullId ?? c.applicant.idMasked}{' '}
            {!fullId && can('case.view-id') && (
              <Button size="small" type="link" onClick={() => void viewId()}>
                查看完整号码（留痕）
              </Button>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="联系电话">{c.applicant.phoneMasked}</Descriptions.Item>
          <Descriptions.Item label="受理时间">{c.acceptedAt?.replace('T', ' ').slice(0, 16) ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="承诺办结日">
            {c.dueDate ?? '—'} {c.dueProvisional && <Tag color="orange">暂定：该年度工作日历未录入</Tag>}
          </Descriptions.Item>
          {c.missingMaterials.length > 0 && <Descriptions.Item label="待补正材料">{c.missingMaterials.join('、')}</Descriptions.Item>}
          {c.decision && <Descriptions.Item label="办理结果">{c.decision.result === 'approved' ? '准予' : `退办：${c.decision.reason}`}{c.decision.onTime ? '' : '（超期）'}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <CaseNetworkPanel id={id} version={c.version} onChange={load} />
      <Card title="办理过程">
        <Timeline items={events.map((e) => ({ children: `${e.at.replace('T', ' ').slice(0, 16)} ${EVENT_LABELS[e.type] ?? e.type}（${e.by}）${e.note ? `：${e.note}` : ''}` }))} />
      </Card>
      <Modal title={ACTIONS.find((a) => a.action === open)?.label} open={Boolean(open)} onCancel={() => setOpen(null)} onOk={() => form.submit()} okText="确定" destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          {open === 'supplement' && (
            <Form.Item name="materialsReceived" label="补交的材料" rules={[{ required: true, message: '请勾选补交的材料' }]}>
              <Checkbox.Group options={c.missingMaterials} />
            </Form.Item>
          )}
          {open === 'suspend' && (
            <>
              <Form.Item name="procedure" label="特别程序" rules={[{ required: true, message: '请选择特别程序' }]}>
                <Select options={procedures.map((p) => ({ value: p.name, label: `${p.name}（最长 ${p.maxDays} 天）` }))} notFoundContent="该事项无特别程序" />
              </Form.Item>
              <Form.Item name="expectedDays" label="预计天数" rules={[{ required: true, message: '请填写预计天数' }]}>
                <InputNumber min={1} />
              </Form.Item>
              <Form.Item name="notice" label="告知申请人" rules={[{ required: true, message: '请填写告知内容' }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
          {open === 'extend' && (
            <>
              <Form.Item name="days" label="延长工作日" rules={[{ required: true, message: '请填写延长天数' }]}>
                <InputNumber min={1} />
              </Form.Item>
              <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请写明延期理由' }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
          {open === 'decide' && (
            <>
              <Form.Item name="result" label="办理结果" initialValue="approved">
                <Radio.Group options={[{ value: 'approved', label: '准予' }, { value: 'refused', label: '退办' }]} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) =>
                  getFieldValue('result') === 'refused' && (
                    <Form.Item name="reason" label="退办理由（书面答复）" rules={[{ required: true, message: '退办须写明理由' }]}>
                      <Input.TextArea rows={3} />
                    </Form.Item>
                  )
                }
              </Form.Item>
            </>
          )}
          {open === 'fees' && (
            <>
              <Form.Item name="amount" label="金额（元）" rules={[{ required: true, message: '请填写金额' }]}>
                <InputNumber min={0.01} step={1} />
              </Form.Item>
              <Form.Item name="receiptNo" label="票据号" rules={[{ required: true, message: '请填写票据号' }]}>
                <Input />
              </Form.Item>
            </>
          )}
          {open === 'deliver' && (
            <>
              <Form.Item name="method" label="送达方式" initialValue="pickup">
                <Radio.Group options={[{ value: 'pickup', label: '自取' }, { value: 'post', label: '邮寄' }, { value: 'e_notice', label: '电子告知' }]} />
              </Form.Item>
              <Form.Item name="signedBy" label="签收人" rules={[{ required: true, message: '请填写签收人' }]}>
                <Input />
              </Form.Item>
            </>
          )}
          {open === 'withdraw' && (
            <Form.Item name="reason" label="撤回原因" rules={[{ required: true, message: '请填写撤回原因' }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
          {(open === 'start' || open === 'resume') && <Typography.Text>确认{ACTIONS.find((a) => a.action === open)?.label}？</Typography.Text>}
        </Form>
      </Modal>
    </Space>
  );
}
