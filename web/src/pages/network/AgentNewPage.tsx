import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Radio, Select, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { CONSENT_LABELS, CONSENT_METHODS, type ConsentMethod } from '../../../../shared/network/labels.ts';
import { api, applyFieldErrors } from '../../shell/api.ts';
import { useCreateCommission } from './queries.ts';

interface Hit {
  code: string;
  name: string;
}
interface Guide {
  code: string;
  name: string;
  materials: Array<{ name: string; required: boolean }>;
  intakeAt?: string[];
}
interface Values {
  itemCode: string;
  applicant: { name: string; idNumber: string; phone: string };
  materialsCollected?: string[];
  consent: { given?: boolean; method: ConsentMethod };
  note?: string;
}

/** 代办登记 (phone first, 长者版 friendly): the villager's application, the materials collected, the consent. */
export default function AgentNewPage() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const [hits, setHits] = useState<Hit[]>([]);
  const [guide, setGuide] = useState<Guide | null>(null);
  // one key per form: a resend on a weak link is the same commission
  const key = useMemo(() => crypto.randomUUID(), []);
  const create = useCreateCommission(key);

  const search = async (q: string) => {
    if (!q.trim()) return setHits([]);
    const r = await api<{ items: Hit[] }>(`/api/items?q=${encodeURIComponent(q)}`);
    setHits(r.items.slice(0, 20));
  };
  const pick = async (code: string) => {
    const g = await api<{ item: Guide }>(`/api/items/${encodeURIComponent(code)}`);
    setGuide(g.item);
    form.setFieldValue('materialsCollected', []);
  };
  const notHere = guide?.intakeAt && !guide.intakeAt.includes('village');
  // as intake does: the required materials not ticked are named before sending (the township will ask for them)
  const collected = Form.useWatch('materialsCollected', form) ?? [];
  const missing = guide?.materials.filter((m) => m.required && !collected.includes(m.name)).map((m) => m.name) ?? [];

  const submit = (v: Values) =>
    create.mutate(
      {
        itemCode: v.itemCode,
        applicant: { type: 'person', ...v.applicant },
        materialsCollected: v.materialsCollected ?? [],
        consent: { given: v.consent.given === true, method: v.consent.method } as never,
        ...(v.note ? { note: v.note } : {}),
      },
      {
        onSuccess: (r) => navigate(`/commissions/${r.commission.id}/print`),
        onError: (e) => void applyFieldErrors(form, e),
      },
    );

  return (
    <Card title="代办登记" styles={{ body: { padding: 16 } }}>
      <Form form={form} layout="vertical" size="large" onFinish={submit} initialValues={{ consent: { method: 'signed' } }} requiredMark={false}>
        <Form.Item name="itemCode" label="事项" rules={[{ required: true, message: '请选择事项' }]}>
          <Select
            showSearch
            placeholder="输入事项名称或拼音首字母，如 低保、db"
            filterOption={false}
            onSearch={(q) => void search(q)}
            onChange={(code: string) => void pick(code)}
            options={hits.map((h) => ({ value: h.code, label: h.name }))}
            notFoundContent={null}
            data-testid="agent-item"
          />
        </Form.Item>
        {notHere && <Alert type="warning" showIcon message="该事项须到窗口办理，不能村级代办" style={{ marginBottom: 16 }} />}
        {guide && (
          <Form.Item name="materialsCollected" label="已收集的材料">
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
              options={guide.materials.map((m) => ({ value: m.name, label: `${m.name}${m.required ? '' : '（选交）'}` }))}
            />
          </Form.Item>
        )}
        {guide && missing.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="agent-missing"
            message={`尚缺 ${missing.length} 项必需材料：${missing.join('、')}。提交后乡镇将一次性告知补正（待补正），请尽量收齐后再提交。`}
          />
        )}
        <Typography.Title level={5}>申请人</Typography.Title>
        <Form.Item name={['applicant', 'name']} label="姓名" rules={[{ required: true, message: '请填写申请人姓名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name={['applicant', 'idNumber']} label="居民身份证号码" rules={[{ required: true, message: '请填写身份证号码' }]}>
          <Input autoComplete="off" maxLength={18} />
        </Form.Item>
        <Form.Item name={['applicant', 'phone']} label="手机号码" rules={[{ required: true, message: '请填写手机号码' }]}>
          <Input inputMode="numeric" autoComplete="off" maxLength={11} />
        </Form.Item>
        <Form.Item
          name={['consent', 'given']}
          valuePropName="checked"
          rules={[{ validator: (_r, v) => (v ? Promise.resolve() : Promise.reject(new Error('须经申请人本人同意委托'))) }]}
        >
          <Checkbox>申请人已同意委托代办（全程代办，不收费）</Checkbox>
        </Form.Item>
        <Form.Item name={['consent', 'method']} label="同意方式">
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={CONSENT_METHODS.map((m) => ({ value: m, label: CONSENT_LABELS[m] }))}
          />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {create.isError && !('fields' in create.error && (create.error as { fields: unknown[] }).fields.length) && (
          <Alert type="error" showIcon message={create.error.message} style={{ marginBottom: 16 }} />
        )}
        <Button type="primary" htmlType="submit" block loading={create.isPending} disabled={Boolean(notHere)}>
          提交代办
        </Button>
      </Form>
    </Card>
  );
}
