import { Alert, Button, Card, Form, Input, InputNumber, Typography, message } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { applyFieldErrors } from '../../shell/api.ts';
import { useIssueOrder } from './queries.ts';

/** 督办单: about one case (opened from an alert or the case), to the office holding it. */
export default function OrderNewPage() {
  const [params] = useSearchParams();
  const caseId = params.get('caseId') ?? '';
  const number = params.get('number') ?? '';
  const [form] = Form.useForm<{ requirement: string; deadlineWorkdays: number }>();
  const issue = useIssueOrder();
  const navigate = useNavigate();
  const submit = (v: { requirement: string; deadlineWorkdays: number }) =>
    issue.mutate(
      { caseId, ...v },
      {
        onSuccess: () => {
          void message.success('督办单已发出');
          navigate('/supervision/orders');
        },
        onError: (e) => applyFieldErrors(form, e),
      },
    );
  return (
    <Card style={{ maxWidth: 720 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        发出督办单
      </Typography.Title>
      {!caseId && <Alert type="warning" showIcon message="请从预警或办件详情进入督办" />}
      {caseId && (
        <Typography.Paragraph>
          办件：<Link to={`/cases/${caseId}`}>{number || caseId}</Link>（督办单发给当前承办该办件的单位，由其负责人反馈）
        </Typography.Paragraph>
      )}
      {issue.isError && !form.getFieldsError().some((f) => f.errors.length) && (
        <Alert type="error" showIcon message={issue.error.message} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ deadlineWorkdays: 3 }} disabled={!caseId}>
        <Form.Item name="requirement" label="督办要求" rules={[{ required: true, message: '请写明督办要求' }]}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder="如：请说明超期原因，并于期限内办结、书面反馈" data-testid="order-requirement" />
        </Form.Item>
        <Form.Item name="deadlineWorkdays" label="反馈期限（工作日）" rules={[{ required: true, message: '请填写反馈期限' }]}>
          <InputNumber min={1} max={30} data-testid="order-deadline" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={issue.isPending} data-testid="order-submit">
          发出督办
        </Button>
      </Form>
    </Card>
  );
}
