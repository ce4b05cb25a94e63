import { Alert, Button, Card, Form, Input, Space, Spin, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../shell/api.ts';
import { useFormErrors } from '../../shell/form-errors.tsx';
import { useConfirmTotp, useTotpEnrolment } from './queries.ts';

/** 绑定动态口令: scan the QR code with an authenticator app, confirm one code. */
export default function TotpEnrolPage() {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const enrol = useTotpEnrolment();
  const enrolment = enrol.data;
  const confirm = useConfirmTotp();
  const errors = useFormErrors(form);

  const submit = async (v: { code: string }) => {
    errors.clear();
    try {
      await confirm.mutateAsync(v.code);
      navigate('/workbench');
    } catch (e) {
      errors.fail(e);
    }
  };

  return (
    <Card style={{ maxWidth: 520 }}>
      <Typography.Title level={1} className="page-title">
        绑定动态口令
      </Typography.Title>
      <Typography.Paragraph>
        您的角色须使用动态口令登录。请用手机验证器（如微信小程序“身份验证器”、Google Authenticator）扫描二维码，然后输入显示的 6 位数字。
      </Typography.Paragraph>
      {enrol.isError && <Alert type="error" showIcon message={errorText(enrol.error)} style={{ marginBottom: 16 }} />}
      {errors.alert}
      {enrol.isPending && <Spin />}
      {enrolment && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <img src={enrolment.qrDataUrl} alt="动态口令二维码" width={220} height={220} data-testid="totp-qr" />
          <Typography.Text copyable code style={{ wordBreak: 'break-all' }}>
            {enrolment.otpauthUri}
          </Typography.Text>
          <Form form={form} layout="inline" onFinish={submit}>
            <Form.Item name="code" rules={[{ required: true, pattern: /^\d{6}$/, message: '动态口令为 6 位数字' }]}>
              <Input placeholder="6 位数字" inputMode="numeric" maxLength={6} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              确认绑定
            </Button>
          </Form>
        </Space>
      )}
    </Card>
  );
}
