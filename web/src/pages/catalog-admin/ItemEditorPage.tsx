import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Spin, Switch, Typography, message } from 'antd';
import {
  DECIDER_LABELS,
  HANDLING_LABELS,
  INTAKE_PLACES,
  INTAKE_PLACE_LABELS,
  ITEM_KINDS,
  KIND_LABELS,
  LEVEL_LABELS,
  LEVELS,
  ONLINE_LABELS,
  ONLINE_LEVELS,
  type Item,
} from '@shared/catalog/item.ts';
import { ApiError, errorText } from '../../shell/api.ts';
import { CheckboxGroup } from '../../shell/checkbox-group.tsx';
import { useOffices } from '../network/queries.ts';
import { LoadError } from '../../shell/loading.tsx';
import { useItemVersions, usePublishItem, useSaveItem } from './admin-client.ts';
import { checkForm, emptyForm, fromForm, showIssues, toForm, type ItemFormValues } from './item-form.ts';
import { MaterialsCard } from './MaterialsCard.tsx';
import { FaqCard, ProcedureCard } from './ListCards.tsx';

/**
 * 事项编辑: every element of the guide. Saving writes a new draft version (the published guide
 * changes only on 发布). Checks run here with the server's own rules, and the server's answer
 * (e.g. “承诺时限”不能超过“法定时限”) lands on the field it names.
 */
export default function ItemEditorPage() {
  const { code } = useParams();
  const creating = !code;
  const navigate = useNavigate();
  const [form] = Form.useForm<ItemFormValues>();
  const history = useItemVersions(code);
  const saveItem = useSaveItem();
  const publishItem = usePublishItem({ handlesError: true });
  const saving = saveItem.isPending || publishItem.isPending;
  const [problems, setProblems] = useState<string[]>([]);
  const kind = Form.useWatch('kind', form);
  const charged = Form.useWatch(['fee', 'charged'], form);
  const handlingMode = Form.useWatch(['handling', 'mode'], form);
  const deciderBy = Form.useWatch(['decider', 'by'], form);
  const offices = useOffices();
  const officeOptions = (offices.data?.offices ?? []).filter((o) => o.kind !== 'village').map((o) => ({ value: o.id, label: `${o.name}（${o.id}）` }));
  const latest = history.data?.versions[0];
  const baseVersion = history.data?.entry.latestVersion;
  const status = latest?.status;

  // the form is filled once per item: a later refetch must not wipe what the admin is typing
  const filled = useRef<string | null>(null);
  useEffect(() => {
    if (!code) {
      form.setFieldsValue(emptyForm() as ItemFormValues);
      return;
    }
    if (history.data && filled.current !== code) {
      filled.current = code;
      if (latest) form.setFieldsValue(toForm(latest.item));
    }
  }, [code, form, history.data, latest]);

  const save = async (publish: boolean) => {
    setProblems([]);
    let values: ItemFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const local = checkForm(values);
    if (!local.ok) {
      const rest = showIssues(form, local.issues);
      setProblems([local.issues[0]!.message, ...rest.map((i) => i.message)]);
      return;
    }
    try {
      const saved = await saveItem.mutateAsync({ item: fromForm(values) as Item, create: creating, ...(baseVersion ? { baseVersion } : {}) });
      if (publish) await publishItem.mutateAsync({ code: saved.code, version: saved.version });
      message.success(publish ? `已保存并发布第 ${saved.version} 版` : `已保存为草稿（第 ${saved.version} 版），发布后对外生效`);
      navigate(`/catalog-admin?focus=${encodeURIComponent(saved.code)}`);
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) showIssues(form, e.fields);
      setProblems([errorText(e)]);
    }
  };

  if (history.isPending && !creating) return <Spin style={{ display: 'block', marginTop: 80 }} size="large" />;
  if (history.isError)
    return (
      <LoadError
        error={history.error}
        title={`无法读取事项 ${code}`}
        retry={() => history.refetch()}
        extra={
          <Link key="back" to="/catalog-admin">
            返回事项目录
          </Link>
        }
      />
    );

  return (
    <div style={{ maxWidth: 1100, margin: '0 auto', padding: 16 }} data-testid="item-editor">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} className="page-title" style={{ margin: 0 }}>
          {creating ? '新建事项' : `编辑事项 ${code}`}
        </Typography.Title>
        <Link to="/catalog-admin">返回事项目录</Link>
      </Space>
      {!creating && (
        <Typography.Paragraph type="secondary">
          正在编辑第 {baseVersion} 版（{status === 'draft' ? '草稿' : status === 'published' ? '已发布' : status}）。保存将生成第 {(baseVersion ?? 0) + 1}{' '}
          版草稿；已受理的办件仍按其受理时的版本办理。
        </Typography.Paragraph>
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          message={problems[0]}
          description={problems.slice(1).join('；') || undefined}
          style={{ marginBottom: 12 }}
          data-testid="editor-error"
        />
      )}
      <Form form={form} layout="vertical" scrollToFirstError>
        <Card title="基本信息" size="small">
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="code" label="事项编码" rules={[{ required: true, message: '请填写事项编码' }]} normalize={(v: string) => v?.toUpperCase()}>
                <Input disabled={!creating} placeholder="如 LS-01-001" />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="name" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="category" label="事项类别" rules={[{ required: true, message: '请填写事项类别' }]}>
                <Input placeholder="如 户籍管理" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="office" label="实施机关" rules={[{ required: true, message: '请填写实施机关' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="officeId" label="实施机关编号（可选）">
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label="办件类型" rules={[{ required: true }]}>
                <Radio.Group options={ITEM_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="levels" label="行使层级" rules={[{ required: true, message: '行使层级至少选择一级' }]}>
                <CheckboxGroup options={LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="statutoryDays" label="法定时限（工作日）">
                <InputNumber min={0} max={365} disabled={kind === 'immediate'} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="promisedDays" label="承诺时限（工作日）">
                <InputNumber min={0} max={365} disabled={kind === 'immediate'} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="visits" label="到现场次数" rules={[{ required: true }]}>
                <InputNumber min={0} max={9} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="online" label="网办程度">
                <Select options={ONLINE_LEVELS.map((o) => ({ value: o, label: ONLINE_LABELS[o] }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['handling', 'mode']} label="办理方式">
                <Radio.Group options={(['local', 'delegated', 'forwarded'] as const).map((m) => ({ value: m, label: HANDLING_LABELS[m] }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              {handlingMode === 'delegated' && (
                <Form.Item name={['handling', 'from']} label="下放机关">
                  <Input />
                </Form.Item>
              )}
              {handlingMode === 'forwarded' && (
                <Form.Item name={['handling', 'to']} label="转报机关">
                  <Input />
                </Form.Item>
              )}
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="intakeAt" label="受理地点（留空：按行使层级）">
                <Select mode="multiple" allowClear options={INTAKE_PLACES.map((p) => ({ value: p, label: INTAKE_PLACE_LABELS[p] }))} data-testid="intake-at" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['decider', 'by']} label="承办方式（留空：受理机构办理）">
                <Select
                  allowClear
                  options={(Object.keys(DECIDER_LABELS) as Array<keyof typeof DECIDER_LABELS>).map((b) => ({ value: b, label: DECIDER_LABELS[b] }))}
                  data-testid="decider-by"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              {deciderBy === 'office' && (
                <Form.Item name={['decider', 'officeId']} label="承办机构" rules={[{ required: true, message: '请选择承办机构' }]}>
                  <Select showSearch optionFilterProp="label" options={officeOptions} loading={offices.isPending} data-testid="decider-office" />
                </Form.Item>
              )}
              {deciderBy === 'joint' && (
                <>
                  <Form.Item name={['decider', 'lead']} label="牵头机构（留空：受理机构）">
                    <Select allowClear showSearch optionFilterProp="label" options={officeOptions} loading={offices.isPending} />
                  </Form.Item>
                  <Form.Item name={['decider', 'parts']} label="协办机构" rules={[{ required: true, message: '联办须至少有一个协办机构' }]}>
                    <Select mode="multiple" showSearch optionFilterProp="label" options={officeOptions} loading={offices.isPending} />
                  </Form.Item>
                </>
              )}
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="resultPublished" label="结果公开" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="demo" label="示例数据" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title="依据与条件" size="small" style={{ marginTop: 12 }}>
          <Form.Item name="basisText" label="设定和实施依据（每条一行）">
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item name="conditionsText" label="受理条件（每条一行）">
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item name="keywords" label="关键词（群众常用的叫法）">
            <Select mode="tags" tokenSeparators={['、', ',', '，']} />
          </Form.Item>
        </Card>

        <MaterialsCard />

        <ProcedureCard />

        <Card title="收费、地点、时间、电话" size="small" style={{ marginTop: 12 }}>
          <Form.Item name={['fee', 'charged']} label="收费">
            <Radio.Group
              options={[
                { value: false, label: '不收费' },
                { value: true, label: '收费' },
              ]}
            />
          </Form.Item>
          {charged && (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name={['fee', 'standard']} label="收费标准" rules={[{ required: true, message: '请填写收费标准' }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name={['fee', 'basis']} label="收费依据" rules={[{ required: true, message: '请填写收费依据' }]}>
                  <Input />
                </Form.Item>
              </Col>
            </Row>
          )}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="place" label="办理地点" rules={[{ required: true, message: '请填写办理地点' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="hours" label="办理时间" rules={[{ required: true, message: '请填写办理时间' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="consultPhone" label="咨询电话" rules={[{ required: true, message: '请填写咨询电话' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="complaintPhone" label="投诉电话" rules={[{ required: true, message: '请填写投诉电话' }]}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <FaqCard />

        <Space style={{ marginTop: 16 }}>
          <Button type="primary" size="large" loading={saving} onClick={() => void save(false)} data-testid="save-draft">
            保存草稿
          </Button>
          <Button size="large" loading={saving} onClick={() => void save(true)} data-testid="save-publish">
            保存并发布
          </Button>
        </Space>
      </Form>
    </div>
  );
}
