import { useEffect } from 'react';
import { Button, Form, Input, Space, Typography, message } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { bjDateTime } from '@shared/platform/beijing-time.ts';
import { useFormErrors } from '../../shell/form-errors.tsx';
import { useCountyLexicon, useSaveCountyLexicon } from './admin-client.ts';

/**
 * 本县搜索同义词: what people in this county say for the county's own items (烤烟补贴 → 烟叶种植补贴),
 * on top of the shipped 政务 lexicon. Saved with the revision it was read at: two admins cannot
 * overwrite each other.
 */
interface Row {
  says: string;
  means: string;
}
const split = (s: string): string[] =>
  s
    .split(/[,，、\s]+/)
    .map((w) => w.trim())
    .filter(Boolean);

export default function LexiconEditor() {
  const lexicon = useCountyLexicon();
  const save = useSaveCountyLexicon();
  const [form] = Form.useForm<{ entries: Row[] }>();
  const errors = useFormErrors(form);
  useEffect(() => {
    if (lexicon.data) form.setFieldsValue({ entries: lexicon.data.entries.map((e) => ({ says: e.says.join('、'), means: e.means.join('、') })) });
  }, [lexicon.data, form]);

  const submit = (v: { entries?: Row[] }) => {
    errors.clear();
    save.mutate(
      { entries: (v.entries ?? []).map((r) => ({ says: split(r.says ?? ''), means: split(r.means ?? '') })), revision: lexicon.data?.revision ?? 0 },
      { onSuccess: () => void message.success('本县搜索同义词已保存，事项查询立即生效'), onError: errors.fail },
    );
  };

  return (
    <section aria-labelledby="lexicon-title" style={{ marginTop: 32 }}>
      <Typography.Title level={2} id="lexicon-title" style={{ fontSize: 20 }}>
        本县搜索同义词
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        系统已内置六百多个常见说法（如“养老金”“上户口”“摆摊”）。这里补充本县特有的说法：左边填群众的说法，右边填事项名称里的用词，多个用顿号分隔。
        {lexicon.data?.updatedAt ? ` 最近保存：${bjDateTime(lexicon.data.updatedAt)}。` : ''}
      </Typography.Paragraph>
      {errors.alert}
      <Form form={form} onFinish={submit} disabled={lexicon.isPending}>
        <Form.List name="entries">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'says']} label="群众的说法" rules={[{ required: true, message: '请填写群众的说法' }]}>
                    <Input placeholder="如 烤烟补贴、烟补" style={{ width: 240 }} maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'means']} label="事项用词" rules={[{ required: true, message: '请填写事项名称里的用词' }]}>
                    <Input placeholder="如 烟叶种植补贴" style={{ width: 240 }} maxLength={200} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除这一条">
                    删除
                  </Button>
                </Space>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ says: '', means: '' })}>
                  添加一条
                </Button>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  保存同义词
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </section>
  );
}
