import type { ReactNode } from 'react';
import { Button, Card, Form, Input, InputNumber, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';

/** Rows of one list field of the item (steps, special procedures, FAQ), each removable, one more added below. */
const list = (name: 'steps' | 'faq' | 'specialProcedures', label: string, fields: (f: { name: number }) => ReactNode, add: object) => (
  <Form.List name={name}>
    {(items, { add: push, remove }) => (
      <>
        {items.map((f) => (
          <Space key={f.key} align="baseline" style={{ display: 'flex' }} wrap>
            {fields(f)}
            <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={`删除${label}`} />
          </Space>
        ))}
        <Button type="dashed" onClick={() => push(add)} icon={<PlusOutlined />}>
          添加{label}
        </Button>
      </>
    )}
  </Form.List>
);

/** 办理流程与特别程序 of the item editor. */
export function ProcedureCard() {
  return (
    <Card title="办理流程与特别程序" size="small" style={{ marginTop: 12 }}>
      {list(
        'steps',
        '步骤',
        (f) => (
          <>
            <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '步骤名称不能为空' }]}>
              <Input placeholder="步骤名称" />
            </Form.Item>
            <Form.Item name={[f.name, 'description']}>
              <Input placeholder="说明" style={{ minWidth: 320 }} />
            </Form.Item>
          </>
        ),
        { name: '' },
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        特别程序（听证、勘查、检测、专家评审等）的时间不计入办理时限。
      </Typography.Paragraph>
      {list(
        'specialProcedures',
        '特别程序',
        (f) => (
          <>
            <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '名称不能为空' }]}>
              <Input placeholder="名称，如 现场勘查" />
            </Form.Item>
            <Form.Item name={[f.name, 'maxDays']} rules={[{ required: true, message: '请填写最长时限' }]}>
              <InputNumber min={0} max={365} placeholder="最长工作日" />
            </Form.Item>
            <Form.Item name={[f.name, 'basis']}>
              <Input placeholder="依据" style={{ minWidth: 240 }} />
            </Form.Item>
          </>
        ),
        { name: '', maxDays: 5 },
      )}
    </Card>
  );
}

/** 常见问题 of the item editor. */
export function FaqCard() {
  return (
    <Card title="常见问题" size="small" style={{ marginTop: 12 }}>
      {list(
        'faq',
        '问题',
        (f) => (
          <>
            <Form.Item name={[f.name, 'q']} rules={[{ required: true, message: '问题不能为空' }]}>
              <Input placeholder="问题" style={{ minWidth: 240 }} />
            </Form.Item>
            <Form.Item name={[f.name, 'a']} rules={[{ required: true, message: '回答不能为空' }]}>
              <Input placeholder="回答" style={{ minWidth: 360 }} />
            </Form.Item>
          </>
        ),
        { q: '', a: '' },
      )}
    </Card>
  );
}
