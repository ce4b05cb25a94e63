import { bjDateTime } from '@shared/platform/beijing-time.ts';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Radio, Space, Spin, Tag, Typography, message } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { applyFieldErrors, errorText } from '../../shell/api.ts';
import { useSession } from '../../shell/session.tsx';
import { DIMENSION_LABELS, LEVEL_LABELS, type Dimension } from '@shared/ratings/model.ts';
import { useCallbackPhone, useTask, useTaskAction, type TaskAction } from './queries.ts';

/** One action's form: the server's field errors land on its fields; success reloads the task. */
function ActionForm({
  caseId,
  action,
  version,
  title,
  submit,
  children,
  transform,
}: {
  caseId: string;
  action: TaskAction;
  version: number;
  title: string;
  submit: string;
  children: React.ReactNode;
  transform?: (v: Record<string, unknown>) => Record<string, unknown>;
}) {
  const [form] = Form.useForm();
  const act = useTaskAction(caseId);
  const onFinish = (v: Record<string, unknown>) =>
    act.mutate(
      { action, values: { expectedVersion: version, ...(transform ? transform(v) : v) } },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(`${title}已保存`);
        },
        onError: (e) => {
          if (!applyFieldErrors(form, e)) void message.error(errorText(e));
        },
      },
    );
  return (
    <Card size="small" title={title} data-testid={`form-${action.replace('/', '-')}`}>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        {children}
        <Button type="primary" htmlType="submit" loading={act.isPending}>
          {submit}
        </Button>
      </Form>
    </Card>
  );
}

/** 差评整改 of one case: the rating, the deadlines, what was done; the head's and the supervisor's actions. */
export default function TaskPage() {
  const { caseId = '' } = useParams();
  const { user, can } = useSession();
  const q = useTask(caseId);
  const phone = useCallbackPhone(caseId);
  if (q.isPending) return <Spin style={{ margin: 48 }} />;
  if (q.isError) return <Alert type="error" showIcon message={errorText(q.error)} />;
  const { task: t, rating: r } = q.data;
  const own = can('rating.rectify') && user?.officeId === t.officeId;
  const running = t.status === 'open' || t.status === 'appealed';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={`差评整改 ${t.number}`} extra={<Link to={`/cases/${t.caseId}`}>查看办件</Link>}>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="task">
          <Descriptions.Item label="事项">{t.itemName}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={t.status === 'rectified' ? 'green' : t.status === 'voided' ? 'default' : 'orange'}>{t.statusLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="评价">
            {LEVEL_LABELS[r.level]}
            {r.followUp?.level ? ` → 追评 ${LEVEL_LABELS[r.followUp.level]}` : ''}（{r.channelLabel}，{bjDateTime(r.at)}）
          </Descriptions.Item>
          <Descriptions.Item label="原因">{r.reason ?? t.reason}</Descriptions.Item>
          {r.dimensions && (
            <Descriptions.Item label="分项">
              {Object.entries(r.dimensions)
                .map(([k, v]) => `${DIMENSION_LABELS[k as Dimension]} ${LEVEL_LABELS[v]}`)
                .join('；')}
            </Descriptions.Item>
          )}
          {r.followUp && <Descriptions.Item label="追评">{r.followUp.text}</Descriptions.Item>}
          {own && (
            <Descriptions.Item label="回访电话">
              {phone.data ? (
                <a href={`tel:${phone.data.phone}`} data-testid="callback-phone">
                  {phone.data.phone}
                </a>
              ) : (
                // the whole number only on purpose: each reveal is recorded in the audit log
                <Button size="small" onClick={() => phone.mutate()} loading={phone.isPending} data-testid="reveal-phone">
                  显示完整号码（留痕）
                </Button>
              )}
            </Descriptions.Item>
          )}
          <Descriptions.Item label="回访期限">
            {t.callbackDueDate} {t.callbackOverdue && <Tag color="red">已超期</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="整改期限">
            {t.rectifyDueDate} {t.rectifyOverdue && <Tag color="red">已超期</Tag>}
            {t.provisional && <Tag color="warning">日历未录入，按周末推算</Tag>}
          </Descriptions.Item>
          {t.callback && (
            <Descriptions.Item label="回访" span={2}>
              {bjDateTime(t.callback.calledAt)} {t.callback.by}：{t.callback.reached ? '' : '（未联系上）'}
              {t.callback.note}
            </Descriptions.Item>
          )}
          {t.rectification && (
            <>
              <Descriptions.Item label="整改措施" span={2}>
                {t.rectification.measures}
              </Descriptions.Item>
              <Descriptions.Item label="答复群众" span={2}>
                {t.rectification.answer}（{t.rectification.by}，{bjDateTime(t.rectification.at)}）
              </Descriptions.Item>
            </>
          )}
          {t.appeal && (
            <Descriptions.Item label="申诉" span={2}>
              {t.appeal.reason}（{t.appeal.by}，{bjDateTime(t.appeal.at)}）
              {t.appeal.decision && (
                <div>
                  复核：{t.appeal.decision.upheld ? '申诉成立，该评价不计入统计' : '申诉不成立'} — {t.appeal.decision.reason}（{t.appeal.decision.by}，
                  {bjDateTime(t.appeal.decision.at)}）
                </div>
              )}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {own && running && !t.callback?.reached && (
        <ActionForm
          caseId={caseId}
          action="callback"
          version={t.version}
          title="记录回访"
          submit="保存回访"
          transform={(v) => ({ ...v, ...(v.calledAt ? { calledAt: (v.calledAt as Dayjs).toISOString() } : { calledAt: undefined }) })}
        >
          <Form.Item name="calledAt" label="回访时间（不填为现在）">
            <DatePicker showTime format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="reached" label="是否联系上群众" initialValue={true}>
            <Radio.Group
              options={[
                { label: '已联系上', value: true },
                { label: '未联系上', value: false },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label="回访情况（群众意见、沟通内容）">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
          </Form.Item>
        </ActionForm>
      )}
      {own && t.status === 'open' && t.callback && (
        <ActionForm caseId={caseId} action="rectify" version={t.version} title="整改结果" submit="办结整改">
          <Form.Item name="measures" label="整改措施">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="answer" label="答复群众的内容">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
          </Form.Item>
        </ActionForm>
      )}
      {own && t.status === 'open' && !t.appeal && (
        <ActionForm caseId={caseId} action="appeal" version={t.version} title="申诉（恶意差评）" submit="提交申诉">
          <Typography.Paragraph type="secondary">申诉由监察/督查人员复核；成立的，评价保留在记录中但不计入统计。每个差评只能申诉一次。</Typography.Paragraph>
          <Form.Item name="reason" label="申诉理由及依据">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
        </ActionForm>
      )}
      {can('rating.review') && t.status === 'appealed' && (
        <ActionForm caseId={caseId} action="appeal/decision" version={t.version} title="申诉复核" submit="提交复核意见">
          <Form.Item name="upheld" label="复核结论">
            <Radio.Group
              options={[
                { label: '申诉成立（不计入统计）', value: true },
                { label: '申诉不成立（继续整改）', value: false },
              ]}
            />
          </Form.Item>
          <Form.Item name="reason" label="复核意见">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
        </ActionForm>
      )}
    </Space>
  );
}
