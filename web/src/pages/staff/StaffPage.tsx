import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Tag, Typography, message } from 'antd';
import type { StaffUserView } from '@shared/identity/staff.ts';
import type { Role } from '@shared/platform/scopes.ts';
import { errorText } from '../../shell/api.ts';
import { ResponsiveTable } from '../../shell/responsive-table.tsx';
import { useFormErrors } from '../../shell/form-errors.tsx';
import { useSession } from '../../shell/session.tsx';
import { ROLE_LABELS } from '../../shell/nav.ts';
import { useChangeUser, useCreateUser, useOffices, useUsers, type UserChange } from './queries.ts';

const roleOptions = (Object.entries(ROLE_LABELS) as Array<[Role, string]>).map(([value, label]) => ({ value, label }));

/** 人员管理: the county admin manages every office; a center head their own office and villages. */
export default function StaffPage() {
  const { user, can } = useSession();
  const [officeId, setOfficeId] = useState(user?.officeId ?? '');
  const offices = useOffices();
  const users = useUsers(officeId);
  const change = useChangeUser();
  const createUser = useCreateUser();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);
  const [form] = Form.useForm();
  const [modal, modalHolder] = Modal.useModal();
  const errors = useFormErrors(form);
  const countyWide = can('user.manage:county');
  const allOffices = offices.data?.offices ?? [];

  const manageable = allOffices.filter((o) => countyWide || o.id === user?.officeId || o.parentId === user?.officeId);
  const officeName = (id: string) => allOffices.find((o) => o.id === id)?.name ?? id;

  /** A failure shows as a message (the mutation's default); a reset password is shown once. */
  const act = (c: UserChange) =>
    change.mutate(c, {
      onSuccess: (r) => {
        if (r.temporaryPassword && r.user) setSecret({ username: r.user.username, password: r.temporaryPassword });
        else void message.success('已保存');
      },
    });

  const create = async (v: { username: string; displayName: string; roles: Role[] }) => {
    errors.clear();
    try {
      const r = await createUser.mutateAsync({ ...v, officeId });
      setCreating(false);
      form.resetFields();
      setSecret({ username: r.user.username, password: r.temporaryPassword });
    } catch (e) {
      errors.fail(e);
    }
  };

  return (
    <Card>
      {modalHolder}
      <Space style={{ justifyContent: 'space-between', width: '100%', flexWrap: 'wrap' }}>
        <Typography.Title level={1} className="page-title" style={{ margin: 0 }}>
          人员管理
        </Typography.Title>
        <Space wrap>
          <Select
            aria-label="机构"
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 240 }}
            value={officeId}
            onChange={setOfficeId}
            loading={offices.isPending}
            options={manageable.map((o) => ({ value: o.id, label: o.name }))}
            data-testid="office-select"
          />
          <Button type="primary" onClick={() => setCreating(true)}>
            新增人员
          </Button>
        </Space>
      </Space>
      {offices.isError && <Alert type="error" showIcon message={`无法读取机构列表：${errorText(offices.error)}`} style={{ margin: '12px 0' }} />}
      {users.isError && (
        <Alert
          type="error"
          showIcon
          message={errorText(users.error)}
          style={{ margin: '12px 0' }}
          action={
            <Button size="small" onClick={() => void users.refetch()}>
              重试
            </Button>
          }
        />
      )}
      <ResponsiveTable<StaffUserView>
        rowKey="id"
        cardTitle={(u) => `${u.displayName}（${u.username}）`}
        dataSource={users.data?.users ?? []}
        loading={users.isFetching}
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
            render: (roles: Role[], u: StaffUserView) =>
              // one's own roles are read, not changed
              u.id === user?.id ? (
                roles.map((r) => ROLE_LABELS[r] ?? r).join('、')
              ) : (
                <Select
                  aria-label={`${u.displayName}的角色`}
                  mode="multiple"
                  size="small"
                  style={{ minWidth: 180 }}
                  value={roles}
                  options={roleOptions}
                  onChange={(next: Role[]) => {
                    if (!next.length) return;
                    // a role grants or removes powers at once: the admin confirms what changes
                    void modal.confirm({
                      title: '修改角色',
                      content: `将 ${u.displayName}（${u.username}）的角色改为：${next.map((r) => ROLE_LABELS[r] ?? r).join('、')}？`,
                      okText: '确认修改',
                      cancelText: '取消',
                      onOk: () => act({ kind: 'update', id: u.id, patch: { roles: next } }),
                    });
                  }}
                />
              ),
          },
          {
            title: '状态',
            render: (_: unknown, u: StaffUserView) => (
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
            render: (_: unknown, u: StaffUserView) =>
              u.id === user?.id ? null : (
                <Space size={4} wrap>
                  {/* each of these locks a person out or takes their way in: asked first */}
                  {u.disabled ? (
                    <Button size="small" onClick={() => act({ kind: 'update', id: u.id, patch: { disabled: false } })}>
                      启用
                    </Button>
                  ) : (
                    <Popconfirm
                      title={`停用 ${u.displayName}（${u.username}）？`}
                      description="停用后此人无法登录，可随时启用。"
                      okText="确认停用"
                      cancelText="取消"
                      onConfirm={() => act({ kind: 'update', id: u.id, patch: { disabled: true } })}
                    >
                      <Button size="small">停用</Button>
                    </Popconfirm>
                  )}
                  <Popconfirm
                    title={`重置 ${u.displayName}（${u.username}）的密码？`}
                    description="原密码立即失效、此人须重新登录；临时密码须当面交给本人。"
                    okText="确认重置"
                    cancelText="取消"
                    onConfirm={() => act({ kind: 'reset-password', id: u.id })}
                  >
                    <Button size="small">重置密码</Button>
                  </Popconfirm>
                  <Popconfirm
                    title={`重置 ${u.displayName}（${u.username}）的动态口令？`}
                    description="原动态口令和原密码一并失效（只知道原密码的人不能抢先绑定）；临时密码须当面交给本人，由本人登录后重新绑定。"
                    okText="确认重置"
                    cancelText="取消"
                    disabled={!u.totpEnrolled}
                    onConfirm={() => act({ kind: 'reset-totp', id: u.id })}
                  >
                    <Button size="small" disabled={!u.totpEnrolled}>
                      重置动态口令
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        title={`新增人员：${officeName(officeId)}`}
        open={creating}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText="创建"
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={create}>
          {errors.alert}
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
