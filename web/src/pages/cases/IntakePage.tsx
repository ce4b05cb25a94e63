import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, List, Progress, Radio, Select, Space, Spin, Steps, Tag, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorText } from '../../shell/api.ts';
import { useFormErrors, type FieldAliases } from '../../shell/form-errors.tsx';
import { creditCodeRule, idNumberRule, phoneRule } from '../../shell/field-rules.ts';
import { useGuide, useItemSearch } from '../items/catalog-client.ts';
import { KIND_LABELS } from './labels.ts';
import { NOT_ACCEPTED_GROUND_LABELS, NOT_ACCEPTED_GROUNDS, REASON_MAX, REFER_TO_MAX, type NotAcceptedGround } from '@shared/cases/model.ts';
import { useIntake } from './queries.ts';
import { linkToTicket } from '../hall/link-ticket.ts';
import { PickFile, type RowState } from './MaterialFiles.tsx';
import { fileProblem, fileSize, uploadMaterial } from './materials.ts';

/** A scan picked at 核对材料: sent once the case exists (a material file belongs to a case). */
interface Picked {
  key: string;
  name: string;
  file: File;
}

/** The server names the applicant's fields under `applicant.`; the form has them at the top. */
const ALIASES: FieldAliases = { 'applicant.': '', 'notAccepted.reason': 'reason', 'notAccepted.referTo': 'referTo', 'notAccepted.ground': 'ground' };

interface ApplicantValues {
  type: 'person' | 'organisation';
  name: string;
  idNumber?: string;
  creditCode?: string;
  phone: string;
  reason?: string;
  /** 不予受理's 法定情形, and the office to apply to when the matter is not this office's. */
  ground?: NotAcceptedGround;
  referTo?: string;
  /** The applicant declines texts (受理、办结…告知 by SMS). */
  declineNotices?: boolean;
}

/** 受理 wizard: item → materials checklist → applicant → outcome (and print). */
export default function IntakePage() {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const ticket = useSearchParams()[0].get('ticket');
  const [step, setStep] = useState(0);
  const [q, setQ] = useState('');
  const [code, setCode] = useState<string>();
  const [received, setReceived] = useState<string[]>([]);
  const [refuse, setRefuse] = useState(false);
  const [picked, setPicked] = useState<Picked[]>([]);
  const [pickErrors, setPickErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState<Record<string, RowState>>({});
  // the case taken in while its scans are sent (or failed): never taken in twice
  const [created, setCreated] = useState<string>();
  // one key per intake form: a double click or a retry never creates a second case
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const term = q.trim();
  const hits = useItemSearch({ q: term, limit: 20 }, { enabled: term !== '' });
  const guideQuery = useGuide(code);
  const guide = guideQuery.data?.item;
  const intake = useIntake(idempotencyKey);
  const errors = useFormErrors(form, ALIASES);

  const pick = (picked: string) => {
    setCode(picked);
    setReceived([]);
    setPicked([]);
    setPickErrors({});
    setStep(1);
  };
  /** A scan of a material: checked for type and size at once (the error on its row), and the material ticked as received. */
  const pickFile = (name: string, file: File) => {
    const problem = fileProblem(file);
    setPickErrors((e) => ({ ...e, [name]: problem ?? '' }));
    if (problem) return;
    setPicked((p) => [...p, { key: crypto.randomUUID(), name, file }]);
    setReceived((r) => (r.includes(name) ? r : [...r, name]));
  };
  /** The picked scans, one after another, each with its progress; true when every one is stored. */
  const sendFiles = async (caseId: string): Promise<boolean> => {
    let ok = true;
    for (const f of picked) {
      if (sending[f.key]?.pct === 100 && !sending[f.key]?.error) continue;
      const set = (s: RowState) => setSending((x) => ({ ...x, [f.key]: s }));
      set({ pct: 0 });
      try {
        await uploadMaterial(caseId, f.name, f.file, (pct) => set({ pct: Math.min(pct, 99) }));
        set({ pct: 100 });
      } catch (e) {
        ok = false;
        set({ error: errorText(e) });
      }
    }
    return ok;
  };
  const print = (caseId: string) => navigate(`/cases/${caseId}/print`);
  const missing = guide?.materials.filter((m) => m.required && !received.includes(m.name)).map((m) => m.name) ?? [];

  const submit = async (v: ApplicantValues) => {
    if (!guide) return;
    errors.clear();
    // the form requires these; the server checks them again
    const applicant =
      v.type === 'person'
        ? { type: v.type, name: v.name, idNumber: v.idNumber ?? '', phone: v.phone }
        : { type: v.type, name: v.name, creditCode: v.creditCode ?? '', phone: v.phone };
    try {
      const r = await intake.mutateAsync({
        itemCode: guide.code,
        applicant,
        materialsReceived: received,
        ...(refuse
          ? {
              notAccepted: {
                ground: v.ground ?? 'not-eligible',
                reason: v.reason ?? '',
                ...(v.ground === 'not-competent' ? { referTo: v.referTo ?? '' } : {}),
              },
            }
          : {}),
        ...(v.declineNotices ? { declineNotices: true } : {}),
      });
      // taken in from a called ticket (叫号): the case is linked to it, for the window's 一次一评
      if (ticket) await linkToTicket(ticket, r.case.id);
      if (picked.length) {
        setCreated(r.case.id);
        if (!(await sendFiles(r.case.id))) return;
      }
      print(r.case.id);
    } catch (e) {
      errors.fail(e);
    }
  };

  return (
    <Card>
      <Typography.Title level={1} className="page-title">
        受理
      </Typography.Title>
      <Steps current={step} items={[{ title: '选择事项' }, { title: '核对材料' }, { title: '申请人' }]} style={{ marginBottom: 24 }} />
      {step === 0 && (
        <Select
          showSearch
          size="large"
          style={{ width: '100%' }}
          placeholder="输入事项名称、拼音或首字母，如 身份证 / sfz"
          filterOption={false}
          onSearch={setQ}
          onSelect={pick}
          options={(term ? (hits.data?.items ?? []) : []).map((h) => ({
            value: h.code,
            label: `${h.name}（${KIND_LABELS[h.kind] ?? h.kind}${h.promisedDays ? `，承诺 ${h.promisedDays} 个工作日` : ''}）`,
          }))}
          notFoundContent={hits.isFetching ? <Spin size="small" /> : hits.isError ? errorText(hits.error) : undefined}
          data-testid="item-select"
          aria-label="办理事项"
        />
      )}
      {step === 1 && guideQuery.isPending && <Spin style={{ display: 'block', margin: 24 }} />}
      {step === 1 && guideQuery.isError && (
        <Alert
          type="error"
          showIcon
          message={errorText(guideQuery.error)}
          action={
            <Button size="small" onClick={() => setStep(0)}>
              重新选择
            </Button>
          }
        />
      )}
      {step === 1 && guide && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>
            {guide.name} <Tag>{KIND_LABELS[guide.kind]}</Tag>
          </Typography.Text>
          <Checkbox.Group value={received} onChange={(v) => setReceived(v as string[])} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {guide.materials.map((m) => (
              <div key={m.name} data-testid="intake-material">
                <Space wrap>
                  <Checkbox value={m.name}>
                    {m.name}（{m.copies} 份）{m.required ? '' : <Tag>非必需</Tag>}
                  </Checkbox>
                  <PickFile label={m.name} onFile={(f) => pickFile(m.name, f)} />
                  {picked
                    .filter((p) => p.name === m.name)
                    .map((p) => (
                      <Tag
                        key={p.key}
                        closable
                        onClose={() => setPicked((x) => x.filter((y) => y.key !== p.key))}
                        closeIcon={<span aria-label={`移除 ${p.file.name}`}>×</span>}
                      >
                        {p.file.name}（{fileSize(p.file.size)}）
                      </Tag>
                    ))}
                </Space>
                {pickErrors[m.name] && (
                  <Typography.Text type="danger" role="alert" style={{ display: 'block' }}>
                    {m.name}：{pickErrors[m.name]}
                  </Typography.Text>
                )}
              </div>
            ))}
          </Checkbox.Group>
          {missing.length > 0 && (
            <Alert type="warning" showIcon message={`尚缺 ${missing.length} 项必需材料：${missing.join('、')}。提交后将出具一次性告知书。`} />
          )}
          <Space wrap>
            <Button onClick={() => setStep(0)}>上一步</Button>
            <Button onClick={() => setReceived(guide.materials.map((m) => m.name))} data-testid="all-received">
              全部收齐
            </Button>
            <Button type="primary" onClick={() => setStep(2)}>
              下一步
            </Button>
          </Space>
        </Space>
      )}
      {created && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="intake-uploads">
          <Typography.Text strong>办件已受理，正在上传材料文件</Typography.Text>
          <List
            size="small"
            dataSource={picked}
            renderItem={(p) => (
              <List.Item>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <span>
                    {p.name}：{p.file.name}
                  </span>
                  {sending[p.key]?.error ? (
                    <Typography.Text type="danger" role="alert">
                      {sending[p.key]!.error}
                    </Typography.Text>
                  ) : (
                    <Progress percent={sending[p.key]?.pct ?? 0} size="small" aria-label="上传进度" />
                  )}
                </Space>
              </List.Item>
            )}
          />
          {Object.values(sending).some((x) => x.error) && (
            <Space wrap>
              <Button type="primary" onClick={() => void sendFiles(created).then((ok) => ok && print(created))}>
                重新上传
              </Button>
              <Button onClick={() => print(created)}>先打印凭证（可在办件页补传）</Button>
            </Space>
          )}
        </Space>
      )}
      {step === 2 && guide && !created && (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ type: 'person' }} style={{ maxWidth: 560 }}>
          {errors.alert}
          <Form.Item name="type" label="申请人类型">
            <Radio.Group
              options={[
                { value: 'person', label: '个人' },
                { value: 'organisation', label: '单位' },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.type !== b.type}>
            {({ getFieldValue }) =>
              getFieldValue('type') === 'person' ? (
                <>
                  <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写申请人姓名' }]}>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name="idNumber"
                    label="居民身份证号码"
                    validateTrigger={['onChange', 'onBlur']}
                    rules={[{ required: true, message: '请填写身份证号码' }, idNumberRule]}
                  >
                    <Input maxLength={18} />
                  </Form.Item>
                </>
              ) : (
                <>
                  <Form.Item name="name" label="单位名称" rules={[{ required: true, message: '请填写单位名称' }]}>
                    <Input />
                  </Form.Item>
                  <Form.Item name="creditCode" label="统一社会信用代码" rules={[{ required: true, message: '请填写统一社会信用代码' }, creditCodeRule]}>
                    <Input maxLength={18} />
                  </Form.Item>
                </>
              )
            }
          </Form.Item>
          <Form.Item name="phone" label="手机号码" rules={[{ required: true, message: '请填写手机号码' }, phoneRule]}>
            <Input maxLength={11} inputMode="numeric" />
          </Form.Item>
          <Form.Item name="declineNotices" valuePropName="checked" extra="默认以短信告知受理、补正、办结和送达；申请人不愿接收时勾选">
            <Checkbox>申请人不接收短信告知</Checkbox>
          </Form.Item>
          <Checkbox checked={refuse} onChange={(e) => setRefuse(e.target.checked)} style={{ marginBottom: 12 }}>
            不予受理（事项不属本机关办理或申请人不符合条件）
          </Checkbox>
          {refuse && (
            <>
              <Form.Item name="ground" label="不予受理的情形" initialValue="not-eligible">
                <Radio.Group options={NOT_ACCEPTED_GROUNDS.map((g) => ({ value: g, label: NOT_ACCEPTED_GROUND_LABELS[g] }))} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(a, b) => a.ground !== b.ground}>
                {({ getFieldValue }) =>
                  getFieldValue('ground') === 'not-competent' && (
                    <Form.Item
                      name="referTo"
                      label="应向哪个机关申请"
                      extra="写明机关名称和地点，将印在不予受理通知书上"
                      rules={[{ required: true, message: '请写明应向哪个机关申请' }]}
                    >
                      <Input maxLength={REFER_TO_MAX} />
                    </Form.Item>
                  )
                }
              </Form.Item>
              <Form.Item name="reason" label="不予受理理由" rules={[{ required: true, min: 4, message: '请写明不予受理的理由' }]}>
                <Input.TextArea rows={3} maxLength={REASON_MAX} />
              </Form.Item>
            </>
          )}
          <Space>
            <Button onClick={() => setStep(1)}>上一步</Button>
            <Button type="primary" htmlType="submit" loading={intake.isPending}>
              {refuse ? '出具不予受理通知书' : missing.length ? '出具一次性告知书' : '受理并打印凭证'}
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
