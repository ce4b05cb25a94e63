import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useFormErrors } from '../../shell/form-errors.tsx';
import { useSession } from '../../shell/session.tsx';
import { useChangePassword } from './queries.ts';

const POLICY = '至少 10 位，且包含大写字母、小写字母、数字、符号中的至少 3 类；不能包含用户名、不能是常见密码、不能与最近 5 次用过的密码相同';

/** 修改密码: forced on first login and after an admin reset. */
export default function ChangePasswordPage() {
  const [form] = Form.useForm();
  const { user } = useSession();
  const change = useChangePassword();
  const navigate = useNavigate();
  const errors = useFormErrors(form);
  const [done, setDone] = useState(false);

  const submit = async (v: { currentPassword: string; newPassword: string }) => {
    errors.clear();
    try {
      const r = await change.mutateAsync({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      setDone(true);
      if (r.user.totpEnrolmentRequired) navigate('/account/totp');
    } catch (e) {
      errors.fail(e);
    }
  };

  return (
    <Card style={{ maxWidth: 480 }}>
      <Typography.Title level={1} className="page-title">
        修改密码
      </Typography.Title>
      {user?.mustChangePassword && <Alert type="warning" showIcon message="首次登录或密码已被重置，请先修改密码" style={{ marginBottom: 16 }} />}
      {done && <Alert type="success" showIcon message="密码已修改" style={{ marginBottom: 16 }} />}
      {errors.alert}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请填写当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" extra={POLICY} rules={[{ required: true, message: '请填写新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="再次输入新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_r, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          保存
        </Button>
      </Form>
    </Card>
  );
}
