import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, Space, Spin, Tag, Typography, message } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { CONSENT_LABELS } from '@shared/cases/hop-labels.ts';
import { applyFieldErrors } from '../../shell/api.ts';
import { useSession } from '../../shell/session.tsx';
import { bjDateTime } from '@shared/platform/beijing-time.ts';
import { useCommission, useNetworkPost } from './queries.ts';

/**
 * A commission: the township takes it in (the case is created, the applicant does not come); the
 * agent prints its 委托代办单 and, once the result is handed back, records delivering it.
 */
export default function CommissionPage() {
  const { id = '' } = useParams();
  const q = useCommission(id);
  const { user, can } = useSession();
  const navigate = useNavigate();
  const post = useNetworkPost<{ case?: { id: string; number: string; status: string; missingMaterials?: string[] } }>();
  const [form] = Form.useForm<{ signedBy: string }>();
  const [supplementForm] = Form.useForm<{ materialsReceived: string[] }>();
  if (q.isPending) return <Spin style={{ margin: 48 }} />;
  if (q.isError) return <Alert type="error" showIcon message={q.error.message} action={<Button onClick={() => void q.refetch()}>重试</Button>} />;
  const { commission: k, case: c } = q.data;
  const township = user?.officeId === k.townshipId;
  const station = user?.officeId === k.stationId;

  const takeIn = () =>
    post.mutate(
      { path: `/api/commissions/${k.id}/take-in`, body: { expectedVersion: k.version } },
      {
        // the true outcome: 已受理, 待补正 (with what is missing: the agent is shown it too) or 不予受理
        onSuccess: (r) => {
          const c = r.case!;
          if (c.status === 'awaiting_supplement')
            void message.warning(`材料不齐，已出具一次性告知，办件待补正（缺：${(c.missingMaterials ?? []).join('、')}），代办员将看到补正清单`, 8);
          else if (c.status === 'not_accepted') void message.warning(`不予受理（${c.number}）`, 8);
          else void message.success(`已受理，受理编号 ${c.number}`);
          navigate(`/cases/${c.id}`);
        },
        onError: (e) => void message.error(e.message),
      },
    );
  const supplement = (v: { materialsReceived: string[] }) =>
    post.mutate(
      { path: `/api/commissions/${k.id}/supplement`, body: { expectedVersion: c!.version, materialsReceived: v.materialsReceived } },
      {
        onSuccess: (r) => {
          supplementForm.resetFields();
          void (r.case?.status === 'awaiting_supplement'
            ? message.warning(`已补交，仍缺：${(r.case.missingMaterials ?? []).join('、')}`)
            : message.success('已补交，乡镇已受理'));
        },
        onError: (e) => void (applyFieldErrors(supplementForm, e) || message.error(e.message)),
      },
    );
  const deliver = (v: { signedBy: string }) =>
    post.mutate(
      { path: `/api/commissions/${k.id}/deliver`, body: { expectedVersion: k.version, signedBy: v.signedBy } },
      { onSuccess: () => void message.success('已送达'), onError: (e) => void (applyFieldErrors(form, e) || message.error(e.message)) },
    );

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            {k.itemName}
            <Tag color={c?.status === 'awaiting_supplement' || c?.status === 'not_accepted' ? 'red' : 'blue'} data-testid="commission-status">
              {k.statusLabel}
            </Tag>
            {k.late && <Tag color="red">乡镇接收超时</Tag>}
          </Space>
        }
        extra={<Link to={`/commissions/${k.id}/print`}>委托代办单</Link>}
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="commission-details">
          <Descriptions.Item label="代办编号">{k.number}</Descriptions.Item>
          <Descriptions.Item label="代办点">{k.stationName}</Descriptions.Item>
          <Descriptions.Item label="代办员">{k.agentName}</Descriptions.Item>
          <Descriptions.Item label="受理机构">{k.townshipName}</Descriptions.Item>
          <Descriptions.Item label="申请人">{k.applicant.nameMasked}</Descriptions.Item>
          <Descriptions.Item label="证件号码">{k.applicant.idMasked}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{k.applicant.phoneMasked}</Descriptions.Item>
          <Descriptions.Item label="委托时间">{bjDateTime(k.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="申请人同意">{CONSENT_LABELS[k.consent.method]}</Descriptions.Item>
          <Descriptions.Item label="乡镇接收时限">{bjDateTime(k.takeInDueAt)}</Descriptions.Item>
          <Descriptions.Item label="已收集材料">{k.materialsCollected.join('、') || '—'}</Descriptions.Item>
          {k.caseNumber && <Descriptions.Item label="受理编号">{c ? <Link to={`/cases/${c.id}`}>{k.caseNumber}</Link> : k.caseNumber}</Descriptions.Item>}
          {c?.decision && (
            <Descriptions.Item label="办理结果">{c.decision.result === 'approved' ? '准予' : `退办：${c.decision.reason ?? ''}`}</Descriptions.Item>
          )}
          {k.delivery && <Descriptions.Item label="送达">{`${bjDateTime(k.delivery.at)}，签收：${k.delivery.signedBy}`}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {township && k.status === 'submitted' && can('case.accept') && (
        <Card>
          <Typography.Paragraph>核对代办员收集的材料后受理，申请人无需到场。</Typography.Paragraph>
          <Button type="primary" size="large" loading={post.isPending} onClick={takeIn} data-testid="take-in">
            接收受理
          </Button>
        </Card>
      )}
      {c?.status === 'awaiting_supplement' && (
        <Card title="待补正" data-testid="commission-supplement">
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={`${k.townshipName}一次性告知，尚缺：${c.missingMaterials.join('、')}`}
            data-testid="commission-missing"
          />
          {station && (
            <Form form={supplementForm} layout="vertical" size="large" onFinish={supplement}>
              <Form.Item name="materialsReceived" label="已向申请人收齐的材料" rules={[{ required: true, message: '请勾选补交的材料' }]}>
                <Checkbox.Group
                  style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
                  options={c.missingMaterials.map((m) => ({ value: m, label: m }))}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={post.isPending} data-testid="agent-supplement">
                补交材料
              </Button>
            </Form>
          )}
        </Card>
      )}
      {station && k.status === 'returned' && (
        <Card title="送达申请人">
          <Form form={form} layout="vertical" size="large" onFinish={deliver}>
            <Form.Item name="signedBy" label="签收人" rules={[{ required: true, message: '请填写签收人' }]}>
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={post.isPending} data-testid="agent-deliver">
              确认已送达
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
