import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Typography, message } from 'antd';
import type { CaseTask } from '@shared/cases/hops.ts';
import { HOP_PHASE_LABELS, TASK_KIND_LABELS, TASK_KINDS } from '@shared/cases/hop-labels.ts';
import { CASE_ACTIONS } from '@shared/cases/transitions.ts';
import { applyFieldErrors } from '../../shell/api.ts';
import { useSession } from '../../shell/session.tsx';
import { bjDateTime } from '@shared/platform/beijing-time.ts';
import { useNetworkPost, useOffices, type CaseDetail } from './queries.ts';

type Dialog = { kind: 'forward' | 'return' | 'assign' | 'handBack' } | { kind: 'answer'; task: CaseTask } | null;

/**
 * The case on the network: where it is (phases with their limits, late or not, seen by both
 * offices), its 转报 and tasks, and the hops the caller's office may make now.
 */
export default function CaseNetworkPanel({ detail, onChange }: { detail: CaseDetail; onChange?: () => void }) {
  const offices = useOffices();
  const { user, can } = useSession();
  const post = useNetworkPost();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const openDialog = (d: Dialog) => {
    post.reset();
    setDialog(d);
  };
  if (!user) return null;
  const { case: c, phases, officeNames } = detail;
  const name = (o: string) => officeNames[o] ?? offices.data?.offices.find((x) => x.id === o)?.name ?? o;
  const mine = user.officeId;
  const t = c.transfer;
  const holder = c.handlingOfficeId === mine;
  const allows = (a: keyof typeof CASE_ACTIONS) => (CASE_ACTIONS[a].from as readonly string[]).includes(c.status) && can(CASE_ACTIONS[a].scope);
  const inFlight = (t && ['sent', 'delivered', 'returning'].includes(t.phase)) || c.handBack?.phase === 'sent';
  const targets = (offices.data?.offices ?? []).filter((o) => o.kind !== 'village' && o.id !== mine).map((o) => ({ value: o.id, label: o.name }));

  const send = (path: string, body: Record<string, unknown>, done: string) =>
    post.mutate(
      { path: `/api/cases/${c.id}/${path}`, body: { expectedVersion: c.version, ...body } },
      {
        onSuccess: () => {
          setDialog(null);
          form.resetFields();
          void message.success(done);
          onChange?.();
        },
        onError: (e) => void (applyFieldErrors(form, e) || message.error(e.message)),
      },
    );

  const buttons = [
    holder && !t?.phase && allows('forward') && !inFlight && { key: 'forward', label: '转报', onClick: () => openDialog({ kind: 'forward' }) },
    holder && t?.phase === 'returned' && allows('forward') && { key: 'forward', label: '再次转报', onClick: () => openDialog({ kind: 'forward' }) },
    t?.phase === 'sent' &&
      t.fromOfficeId === mine && {
        key: 'resend',
        label: '重新投递',
        onClick: () => send('forward', { toOfficeId: t.toOfficeId, reason: t.reason }, '已重新投递'),
      },
    t &&
      t.toOfficeId === mine &&
      (t.phase === 'sent' || t.phase === 'delivered') &&
      can('case.handle') && { key: 'receive', label: '签收', onClick: () => send('receive', {}, '已签收') },
    holder &&
      t?.toOfficeId === mine &&
      t.phase === 'received' &&
      allows('return') && { key: 'return', label: '回复', onClick: () => openDialog({ kind: 'return' }) },
    holder && allows('assign') && !inFlight && { key: 'assign', label: '交办 / 联办', onClick: () => openDialog({ kind: 'assign' }) },
    holder &&
      c.commission &&
      !c.handBack &&
      allows('handBack') &&
      !inFlight && { key: 'handBack', label: '回交代办点', onClick: () => openDialog({ kind: 'handBack' }) },
  ].filter(Boolean) as Array<{ key: string; label: string; onClick: () => void }>;
  const myTasks = (c.tasks ?? []).filter((k) => k.toOfficeId === mine && k.phase !== 'answered' && k.phase !== 'answering');

  if (!t && !c.tasks?.length && !c.commission && !c.routedTo && !buttons.length) return null;
  return (
    <Card title="转报与交办" data-testid="network-panel">
      {phases.map((p) => (
        <Alert
          key={`${p.name}-${p.dueAt}`}
          type={p.late ? 'error' : 'info'}
          showIcon
          style={{ marginBottom: 8 }}
          message={`${p.label}：${name(p.officeId)}，时限 ${bjDateTime(p.dueAt)}${p.late ? '（已超时）' : ''}`}
          data-testid="phase"
        />
      ))}
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label="受理机构">{name(c.officeId)}</Descriptions.Item>
        <Descriptions.Item label="办理机构">{name(c.handlingOfficeId)}</Descriptions.Item>
        {c.routedTo && <Descriptions.Item label="承办机构（事项目录）">{name(c.routedTo)}</Descriptions.Item>}
        {c.commission && <Descriptions.Item label="代办件">{`${c.commission.number}（${name(c.commission.stationId)}）`}</Descriptions.Item>}
        {t && (
          <Descriptions.Item label="转报">
            {`${name(t.fromOfficeId)} → ${name(t.toOfficeId)}`} <Tag data-testid="transfer-phase">{HOP_PHASE_LABELS[t.phase] ?? t.phase}</Tag>
          </Descriptions.Item>
        )}
        {t?.returnNote && <Descriptions.Item label="回复">{t.returnNote}</Descriptions.Item>}
        {c.handBack && <Descriptions.Item label="回交">{`${bjDateTime(c.handBack.sentAt)} ${HOP_PHASE_LABELS[c.handBack.phase] ?? ''}`}</Descriptions.Item>}
      </Descriptions>
      {!!c.tasks?.length && (
        <Table<CaseTask>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.tasks}
          scroll={{ x: true }}
          columns={[
            { title: '类型', dataIndex: 'kind', render: (k: CaseTask['kind']) => TASK_KIND_LABELS[k] },
            { title: '事项', dataIndex: 'title' },
            { title: '承办', dataIndex: 'toOfficeId', render: (o: string) => name(o) },
            { title: '时限', dataIndex: 'dueDate' },
            { title: '状态', dataIndex: 'phase', render: (p: string) => HOP_PHASE_LABELS[p] ?? p },
            {
              title: '结果',
              render: (_v, k) =>
                k.answer &&
                `${k.answer.result}${k.answer.attachments.length ? `（附：${k.answer.attachments.map((a) => `${a.name}——${a.description}`).join('；')}）` : ''}`,
            },
          ]}
        />
      )}
      <Space wrap style={{ marginTop: 12 }}>
        {buttons.map((b) => (
          <Button key={b.key} type="primary" onClick={b.onClick} loading={post.isPending} data-testid={`net-${b.key}`}>
            {b.label}
          </Button>
        ))}
        {myTasks.map((k) =>
          k.phase === 'received' ? (
            <Button key={k.id} onClick={() => setDialog({ kind: 'answer', task: k })} data-testid="net-task-answer">
              答复：{k.title}
            </Button>
          ) : (
            <Button
              key={k.id}
              onClick={() =>
                post.mutate(
                  { path: `/api/cases/${c.id}/tasks/${k.id}/receive`, body: { expectedVersion: c.version } },
                  { onSuccess: () => (void message.success('已签收任务'), onChange?.()), onError: (e) => void message.error(e.message) },
                )
              }
              data-testid="net-task-receive"
            >
              签收任务：{k.title}
            </Button>
          ),
        )}
      </Space>
      {inFlight && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          办件在途中，送达对方后方可继续办理。
        </Typography.Paragraph>
      )}
      <Modal
        title={{ forward: '转报', return: '回复', assign: '交办 / 联办', handBack: '回交代办点', answer: '答复任务' }[dialog?.kind ?? 'forward']}
        open={Boolean(dialog)}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okText="确定"
        confirmLoading={post.isPending}
        destroyOnHidden
      >
        {post.isError && <Alert type="error" showIcon message={post.error.message} style={{ marginBottom: 12 }} data-testid="net-error" />}
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ toOfficeId: dialog?.kind === 'forward' ? c.routedTo : undefined, kind: 'verify', days: 3 }}
          onFinish={(v: Record<string, unknown>) => {
            if (!dialog) return;
            if (dialog.kind === 'forward') send('forward', { toOfficeId: v.toOfficeId, reason: v.reason }, '已转报');
            if (dialog.kind === 'return') send('return', { note: v.note }, '已回复');
            if (dialog.kind === 'handBack') send('hand-back', { note: v.note ?? '' }, '已回交代办点');
            if (dialog.kind === 'assign') send('tasks', { toOfficeId: v.toOfficeId, kind: v.kind, title: v.title, days: v.days }, '已交办');
            if (dialog.kind === 'answer')
              send(
                `tasks/${dialog.task.id}/answer`,
                { result: v.result, attachments: v.attachmentName ? [{ name: v.attachmentName, description: v.attachmentDescription ?? '' }] : [] },
                '已答复',
              );
          }}
        >
          {(dialog?.kind === 'forward' || dialog?.kind === 'assign') && (
            <Form.Item name="toOfficeId" label="承办机构" rules={[{ required: true, message: '请选择承办机构' }]}>
              <Select showSearch optionFilterProp="label" options={targets} data-testid="net-to-office" />
            </Form.Item>
          )}
          {dialog?.kind === 'forward' && (
            <Form.Item name="reason" label="转报事由" rules={[{ required: true, message: '请写明转报事由' }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
          {dialog?.kind === 'assign' && (
            <>
              <Form.Item name="kind" label="类型">
                <Radio.Group options={TASK_KINDS.map((k) => ({ value: k, label: TASK_KIND_LABELS[k] }))} />
              </Form.Item>
              <Form.Item name="title" label="交办事项" rules={[{ required: true, message: '请写明交办事项' }]}>
                <Input />
              </Form.Item>
              <Form.Item name="days" label="办理时限（工作日，不超过办件承诺期）" rules={[{ required: true, message: '请填写办理时限' }]}>
                <InputNumber min={1} max={60} />
              </Form.Item>
            </>
          )}
          {dialog?.kind === 'return' && (
            <Form.Item name="note" label="回复内容（办理结果或退回理由）" rules={[{ required: true, message: '请写明回复内容' }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {dialog?.kind === 'handBack' && (
            <Form.Item name="note" label="说明（可不填）">
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
          {dialog?.kind === 'answer' && (
            <>
              <Form.Item name="result" label="办理结果" rules={[{ required: true, message: '请填写办理结果' }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="attachmentName" label="附件名称（可不填）">
                <Input />
              </Form.Item>
              <Form.Item name="attachmentDescription" label="附件说明">
                <Input />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
