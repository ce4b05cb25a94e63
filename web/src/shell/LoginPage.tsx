import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Switch, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from './api.ts';
import { showFormErrors } from './form-errors.tsx';
import { useSession } from './session.tsx';
import { runtimeConfig } from './config.ts';
import { useElder } from './elder.tsx';

interface Values {
  username: string;
  password: string;
  totp?: string;
}

/** 登录: password first; the 动态口令 field appears when the account needs it. */
export default function LoginPage() {
  const [form] = Form.useForm<Values>();
  const { login } = useSession();
  const [elder, setElder] = useElder();
  const navigate = useNavigate();
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const cfg = runtimeConfig();

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const user = await login(v.username, v.password, v.totp);
      navigate(user.mustChangePassword ? '/account/password' : user.totpEnrolmentRequired ? '/account/totp' : '/workbench');
    } catch (e) {
      if (e instanceof ApiError && e.code === 'TOTP_REQUIRED') {
        setNeedTotp(true);
        setError(e.message);
      } else {
        const rest = showFormErrors(form, e);
        if (rest.length) setError(rest.join('；'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-wrap">
      <Card className="login-card" data-testid="login-card">
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
            {cfg.countyName} 便民服务
          </Typography.Title>
          <Typography.Text type="secondary">工作人员登录{cfg.demo ? '（演示数据）' : ''}</Typography.Text>
          {error && <Alert type="error" showIcon message={error} data-testid="login-error" />}
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }]}>
              <Input autoComplete="username" size="large" />
            </Form.Item>
            <Form.Item name="password" label="密码" rules={[{ required: true, message: '请填写密码' }]}>
              <Input.Password autoComplete="current-password" size="large" />
            </Form.Item>
            {needTotp && (
              <Form.Item name="totp" label="动态口令" rules={[{ required: true, pattern: /^\d{6}$/, message: '动态口令为 6 位数字' }]}>
                <Input inputMode="numeric" maxLength={6} size="large" autoFocus autoComplete="one-time-code" />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" size="large" block loading={busy}>
              登录
            </Button>
          </Form>
          <Space style={{ justifyContent: 'space-between', width: '100%' }}>
            <Space>
              <Link to="/">返回首页</Link>
              <Link to="/items">事项查询（无需登录）</Link>
            </Space>
            <label>
              长者版 <Switch checked={elder} onChange={setElder} data-testid="elder-toggle" aria-label="长者版" />
            </label>
          </Space>
        </Space>
      </Card>
    </main>
  );
}
