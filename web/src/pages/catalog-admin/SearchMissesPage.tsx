import { useMemo, useState } from 'react';
import { Button, Form, Input, Modal, Select, Space, Tag, Typography, message } from 'antd';
import { bjDate, bjDateTime } from '@shared/platform/beijing-time.ts';
import { ResponsiveTable } from '../../shell/responsive-table.tsx';
import { useFormErrors } from '../../shell/form-errors.tsx';
import { errorText } from '../../shell/api.ts';
import { useAddAlias, useAdminEntries, useSearchMisses, type SearchMissRow } from './admin-client.ts';
import LexiconEditor from './LexiconEditor.tsx';

/**
 * 搜索未命中 (county admin): what citizens searched and could not find this month — no result, or
 * results left without a click — most counted first, with one click to make it findable: add the
 * words as a 俗称 of the item people meant (published at once). Below, the county's own synonyms.
 */
export default function SearchMissesPage() {
  const [month, setMonth] = useState(() => bjDate(new Date()).slice(0, 7));
  const misses = useSearchMisses(month);
  const [target, setTarget] = useState<SearchMissRow>();

  return (
    <main>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        搜索未命中
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        群众在事项查询中搜索后没有找到结果、或看了结果没有点开任何事项的说法（同一说法出现两次以上才列出；含连续数字等可能的个人信息的查询不记录）。把说法添加为某个事项的俗称后，下次就能搜到。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="miss-month">月份</label>
        <Input id="miss-month" type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} style={{ width: 180 }} />
      </Space>
      <ResponsiveTable<SearchMissRow>
        rowKey="query"
        loading={misses.isPending}
        dataSource={misses.data?.misses ?? []}
        locale={{ emptyText: misses.error ? errorText(misses.error) : '本月暂无未命中的搜索' }}
        pagination={false}
        cardTitle={(r) => r.query}
        columns={[
          { title: '群众的说法', dataIndex: 'query', render: (q: string) => <strong>{q}</strong> },
          { title: '无结果（次）', dataIndex: 'zero' },
          { title: '有结果未点开（次）', dataIndex: 'noClick' },
          { title: '最近一次', dataIndex: 'lastAt', render: (t: string) => bjDateTime(t) },
          {
            title: '处理',
            key: 'action',
            render: (_v, r) =>
              r.handled ? (
                <Tag color="green">已添加为“{r.handled.name}”的俗称</Tag>
              ) : (
                <Button type="primary" size="small" onClick={() => setTarget(r)}>
                  添加为俗称…
                </Button>
              ),
          },
        ]}
      />
      {target && <AliasDialog miss={target} month={month} onClose={() => setTarget(undefined)} />}
      <LexiconEditor />
    </main>
  );
}

function AliasDialog({ miss, month, onClose }: { miss: SearchMissRow; month: string; onClose: () => void }) {
  const [form] = Form.useForm<{ alias: string; code: string }>();
  const entries = useAdminEntries();
  const add = useAddAlias();
  const errors = useFormErrors(form);
  const options = useMemo(
    () => (entries.data?.items ?? []).filter((e) => e.state === 'published').map((e) => ({ value: e.code, label: `${e.name}（${e.code}）` })),
    [entries.data],
  );
  const submit = (v: { alias: string; code: string }) => {
    errors.clear();
    add.mutate(
      { code: v.code, alias: v.alias, month },
      {
        onSuccess: (r) => {
          void message.success(`已添加俗称“${v.alias}”，事项第 ${r.version} 版已发布`);
          onClose();
        },
        onError: errors.fail,
      },
    );
  };
  return (
    <Modal
      open
      title={`把“${miss.query}”添加为事项的俗称`}
      okText="添加并发布"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
    >
      {errors.alert}
      <Form form={form} layout="vertical" initialValues={{ alias: miss.query }} onFinish={submit}>
        <Form.Item
          name="alias"
          label="俗称"
          rules={[
            { required: true, message: '请填写俗称' },
            { max: 30, message: '俗称不能超过 30 个字' },
          ]}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="code" label="群众要找的事项" rules={[{ required: true, message: '请选择事项' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={options}
            loading={entries.isPending}
            placeholder="输入事项名称查找"
            aria-label="群众要找的事项"
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">事项会以新版本发布，俗称立即在事项查询中生效；此操作记入审计记录。</Typography.Paragraph>
      </Form>
    </Modal>
  );
}
