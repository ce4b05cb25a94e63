import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography, message } from 'antd';
import { api, applyFieldErrors } from '../../shell/api.ts';
import { useSession } from '../../shell/session.tsx';
import { ROLE_LABELS } from '../../shell/nav.ts';

interface Office {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
}
interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  officeId: string;
  roles: string[];
  disabled: boolean;
  totpEnrolled: boolean;
  locked: boolean;
  mustChangePassword: boolean;
}

const roleOptions = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

/** 人员管理: the county admin manages every office; a center head their own office and villages. */
export default function StaffPage() {
  const { user, can } = useSession();
  const [offices, setOffices] = useState<Office[]>([]);
  const [officeId, setOfficeId] = useState(user?.officeId ?? '');
  const [users, setUsers] = useState<StaffUser[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);
  const [form] = Form.useForm();
  const countyWide = can('user.manage:county');

  useEffect(() => {
    void api<{ offices: Office[] }>('/api/offices').then((r) => setOffices(r.offices));
  }, []);
  const load = useCallback(() => {
    if (!officeId) return;
    setError(null);
    api<{ users: StaffUser[] }>(`/api/users?officeId=${encodeURIComponent(officeId)}`)
      .then((r) => setUsers(r.users))
      .catch((e: Error) => setError(e.message));
  }, [officeId]);
  useEffect(load, [load]);

  const manageable = offices.filter((o) => countyWide || o.id === user?.officeId || o.parentId === user?.officeId);
  const officeName = (id: string) => offices.find((o) => o.id === id)?.name ?? id;

  const act = async (path: string, body?: unknown, method = 'POST') => {
    try {
      const r = await api<{ temporaryPassword?: string; user?: StaffUser }>(path, { method, ...(body ? { json: body } : {}) });
      if (r.temporaryPassword && r.user) setSecret({ username: r.user.username, password: r.temporaryPassword });
      else void message.success('已保存');
      load();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  const create = async (v: { username: string; displayName: string; roles: string[] }) => {
    try {
      const r = await api<{ user: StaffUser; temporaryPassword: string }>('/api/users', { method: 'POST', json: { ...v, officeId } });
      setCreating(false);
      form.resetFields();
      setSecret({ username: r.user.username, password: r.temporaryPassword });
      load();
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error((e as Error).message);
    }
  };

  return (
    <Card>
      <Space style={{ justifyContent: 'space-between', width: '100%', flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          人员管理
        </Typography.Title>
        <Space wrap>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 240 }}
            value={officeId}
            onChange={setOfficeId}
            options={manageable.map((o) => ({ value: o.id, label: o.name }))}
            data-testid="office-select"
          />
          <Button type="primary" onClick={() => setCreating(true)}>
            新增人员
          </Button>
        </Space>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ margin: '12px 0' }} />}
      <Table
        rowKey="id"
        dataSource={users}
        pagination={false}
        style={{ marginTop: 16 }}
        data-testid="users-table"
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '机构', dataIndex: 'officeId', render: (id: string) => officeName(id) },
          {
            title: '角色',
            dataIndex: 'roles',
            render: (roles: string[], u: StaffUser) => (
              <Select
                mode="multiple"
                size="small"
                style={{ minWidth: 180 }}
                value={roles}
                options={roleOptions}
                disabled={u.id === user?.id}
                onChange={(next: string[]) => next.length && void act(`/api/users/${u.id}`, { roles: next }, 'PATCH')}
              />
            ),
          },
          {
            title: '状态',
            render: (_: unknown, u: StaffUser) => (
              <Space size={4} wrap>
                {u.disabled ? <Tag color="red">已停用</Tag> : <Tag color="green">正常</Tag>}
                {u.locked && <Tag color="orange">已锁定</Tag>}
                {u.totpEnrolled && <Tag>已绑定动态口令</Tag>}
                {u.mustChangePassword && <Tag color="gold">待改密码</Tag>}
              </Space>
            ),
          },
          {
            title: '操作',
            render: (_: unknown, u: StaffUser) =>
              u.id === user?.id ? null : (
                <Space size={4} wrap>
                  <Button size="small" onClick={() => void act(`/api/users/${u.id}`, { disabled: !u.disabled }, 'PATCH')}>
                    {u.disabled ? '启用' : '停用'}
                  </Button>
                  <Button size="small" onClick={() => void act(`/api/users/${u.id}/reset-password`)}>
                    重置密码
                  </Button>
                  <Button size="small" disabled={!u.totpEnrolled} onClick={() => void act(`/api/users/${u.id}/reset-totp`)}>
                    重置动态口令
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal title={`新增人员：${officeName(officeId)}`} open={creating} onCancel={() => setCreating(false)} onOk={() => form.submit()} okText="创建" destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item name="username" label="用户名" extra="3–32 位小写字母、数字或 . _ -" rules={[{ required: true, message: '请填写用户名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="roles" label="角色" rules={[{ required: true, message: '至少选择一个角色' }]}>
            <Select mode="multiple" options={countyWide ? roleOptions : roleOptions.filter((r) => ['window_clerk', 'village_agent'].includes(r.value))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title="临时密码" open={Boolean(secret)} onCancel={() => setSecret(null)} footer={<Button onClick={() => setSecret(null)}>我已记下</Button>}>
        <Typography.Paragraph>
          请将 <b>{secret?.username}</b> 的临时密码当面交给本人，首次登录须修改密码。此密码只显示这一次：
        </Typography.Paragraph>
        <Typography.Text code copyable data-testid="temp-password">
          {secret?.password}
        </Typography.Text>
      </Modal>
    </Card>
  );
}
