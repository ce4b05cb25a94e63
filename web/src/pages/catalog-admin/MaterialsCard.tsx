import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { MATERIAL_FORMS, MATERIAL_FORM_LABELS } from '@shared/catalog/item.ts';

/** 申请材料 of the item editor: one inner card per material, inside the editor's form (its `materials` list). */
export function MaterialsCard() {
  return (
    <Card title="申请材料" size="small" style={{ marginTop: 12 }}>
      <Form.List name="materials">
        {(items, { add, remove }) => (
          <>
            {items.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                type="inner"
                title={`材料 ${i + 1}`}
                extra={<MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除材料" />}
                style={{ marginBottom: 8 }}
              >
                <Row gutter={8}>
                  <Col xs={24} md={8}>
                    <Form.Item name={[f.name, 'name']} label="材料名称" rules={[{ required: true, whitespace: true, message: '材料名称不能为空' }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[f.name, 'form']} label="形式" initialValue="original">
                      <Select options={MATERIAL_FORMS.map((m) => ({ value: m, label: MATERIAL_FORM_LABELS[m] }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item name={[f.name, 'copies']} label="份数" initialValue={1}>
                      <InputNumber min={0} max={99} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item name={[f.name, 'source']} label="来源渠道">
                      <Input placeholder="申请人自备" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[f.name, 'required']} label="必需" valuePropName="checked" initialValue={true}>
                      <Switch />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[f.name, 'blankFormUrl']} label="空白表格链接">
                      <Input placeholder="https://…" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[f.name, 'sampleUrl']} label="示例样表链接">
                      <Input placeholder="https://…" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[f.name, 'notes']} label="备注">
                      <Input />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button type="dashed" onClick={() => add({ form: 'original', copies: 1, required: true })} icon={<PlusOutlined />}>
              添加材料
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
