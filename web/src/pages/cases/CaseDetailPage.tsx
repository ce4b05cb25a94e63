import { useState } from 'react';
import { Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag, Timeline, Typography, message } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { CASE_ACTIONS, NEXT_STEP, lifecycleActionsOf, type CaseAction } from '@shared/cases/transitions.ts';
import type { CaseDetail } from '@shared/cases/queries.ts';
import { bjDateTime } from '@shared/platform/beijing-time.ts';
import { errorText } from '../../shell/api.ts';
import { useFormErrors } from '../../shell/form-errors.tsx';
import { Loaded } from '../../shell/loading.tsx';
import { useSession } from '../../shell/session.tsx';
import { useGuide } from '../items/catalog-client.ts';
import CaseNetworkPanel from '../network/CaseNetworkPanel.tsx';
import ArchivePanel from '../archive/ArchivePanel.tsx';
import MaterialFiles from './MaterialFiles.tsx';
import { KIND_LABELS, eventLabel } from './labels.ts';
import { useCase, useCaseAction, useViewIdNumber } from './queries.ts';
import { noticeLine, useCaseNotices } from './notices.ts';

/** 办件详情: the case, its timeline, and the actions its status allows to this clerk's scopes. */
export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const query = useCase(id);
  return (
    <Loaded query={query} title="无法显示办件">
      {/* keyed by case: a full ID number shown for one case must not stay on screen for the next */}
      {(d) => <CaseFile key={id} id={id} detail={d} />}
    </Loaded>
  );
}

function CaseFile({ id, detail }: { id: string; detail: CaseDetail }) {
  const { case: c, events } = detail;
  const notices = useCaseNotices(id);
  const { can, user } = useSession();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const [form] = Form.useForm();
  const errors = useFormErrors(form);
  // the special procedures of the item version the case was accepted under
  const guide = useGuide(c.itemCode, c.itemVersion);
  const procedures = guide.data?.item.specialProcedures ?? [];
  const act = useCaseAction(id);
  const viewId = useViewIdNumber(id);
  const fullId = viewId.data?.idNumber ?? null;

  const submit = async (values: Record<string, unknown>) => {
    if (!open) return;
    errors.clear();
    try {
      await act.mutateAsync({ action: open, expectedVersion: c.version, values });
      setOpen(null);
      form.resetFields();
      void message.success('已保存');
    } catch (e) {
      errors.fail(e);
    }
  };

  // the state machine is the server's (shared/cases/transitions.ts); the server checks both again.
  // Only the office holding the case acts on it (转报 moves it); the network's hops are on their panel.
  const holds = (c.handlingOfficeId ?? c.officeId) === user?.officeId;
  // not while a hop is under way, nor 送达 once the result went back to the village station (heldBack)
  const available = holds ? lifecycleActionsOf(c).filter((a) => can(CASE_ACTIONS[a].scope)) : [];
  const next = NEXT_STEP[c.status];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card>
        <Space style={{ justifyContent: 'space-between', width: '100%', flexWrap: 'wrap' }}>
          <Typography.Title level={1} className="page-title" style={{ margin: 0 }}>
            {c.itemName} <Tag color="blue">{c.statusLabel}</Tag>
          </Typography.Title>
          <Space wrap>
            {/* the step the case waits for first, as the primary button */}
            {[...available]
              .sort((a, b) => Number(b === next) - Number(a === next))
              .map((a) => (
                <Button key={a} type={a === next ? 'primary' : 'default'} onClick={() => setOpen(a)} data-testid={`action-${a}`}>
                  {CASE_ACTIONS[a].label}
                </Button>
              ))}
            <Link to={`/cases/${id}/print`}>
              <Button>打印文书</Button>
            </Link>
            {c.decision && (
              <Link to={`/cases/${id}/print?doc=decision`}>
                <Button data-testid="print-decision">打印办结通知书</Button>
              </Link>
            )}
          </Space>
        </Space>
        <Descriptions column={{ xs: 1, md: 2 }} style={{ marginTop: 16 }} data-testid="case-details">
          <Descriptions.Item label="受理编号">{c.number}</Descriptions.Item>
          <Descriptions.Item label="办件类型">{KIND_LABELS[c.kind]}</Descriptions.Item>
          <Descriptions.Item label="申请人">{c.applicant.name}</Descriptions.Item>
          <Descriptions.Item label="证件号码">
            {fullId ?? c.applicant.idMasked}{' '}
            {!fullId && can('case.view-id') && (
              <Button size="small" type="link" onClick={() => viewId.mutate()}>
                查看完整号码（留痕）
              </Button>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="联系电话">{c.applicant.phoneMasked}</Descriptions.Item>
          <Descriptions.Item label="受理时间">{bjDateTime(c.acceptedAt)}</Descriptions.Item>
          <Descriptions.Item label="承诺办结日">
            {c.dueDate ?? '—'} {c.dueProvisional && <Tag color="orange">暂定：该年度工作日历未录入</Tag>}
          </Descriptions.Item>
          {c.missingMaterials.length > 0 && <Descriptions.Item label="待补正材料">{c.missingMaterials.join('、')}</Descriptions.Item>}
          {c.decision && (
            <Descriptions.Item label="办理结果">
              {c.decision.result === 'approved' ? '准予' : `退办：${c.decision.reason}`}
              {c.decision.onTime ? '' : '（超期）'}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <CaseNetworkPanel detail={detail} />
      {/* scans of the materials: none once the case has reached its end (what was kept is what the archive holds) */}
      <MaterialFiles
        caseId={id}
        names={guide.data?.item.materials.map((m) => m.name) ?? []}
        canUpload={holds && can('case.handle') && c.status !== 'delivered' && c.status !== 'withdrawn'}
      />
      <ArchivePanel caseId={id} />
      <Card title="办理过程">
        <Timeline
          items={[
            ...events.map((e) => ({
              at: e.at,
              children: `${bjDateTime(e.at)} ${eventLabel(e, detail.officeNames)}（${e.byName ?? e.by}）${e.note ? `：${e.note}` : ''}`,
            })),
            // texts to the applicant (告知), in time order with the rest
            ...(notices.data?.notices ?? []).map((n) => ({ at: n.at, color: n.status === 'failed' ? 'red' : 'blue', children: noticeLine(n) })),
          ]
            .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
            .map(({ at: _at, ...item }) => item)}
        />
      </Card>
      <Modal
        title={open ? CASE_ACTIONS[open].label : undefined}
        open={Boolean(open)}
        onCancel={() => {
          setOpen(null);
          errors.clear();
        }}
        onOk={() => form.submit()}
        okText="确定"
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          {errors.alert}
          {open === 'supplement' && (
            <Form.Item name="materialsReceived" label="补交的材料" rules={[{ required: true, message: '请勾选补交的材料' }]}>
              <Checkbox.Group options={c.missingMaterials} />
            </Form.Item>
          )}
          {open === 'suspend' && (
            <>
              <Form.Item name="procedure" label="特别程序" rules={[{ required: true, message: '请选择特别程序' }]}>
                <Select
                  options={procedures.map((p) => ({ value: p.name, label: `${p.name}（最长 ${p.maxDays} 天）` }))}
                  loading={guide.isPending}
                  notFoundContent={guide.isError ? `无法读取该事项的特别程序：${errorText(guide.error)}` : '该事项无特别程序'}
                />
              </Form.Item>
              <Form.Item name="expectedDays" label="预计天数" rules={[{ required: true, message: '请填写预计天数' }]}>
                <InputNumber min={1} />
              </Form.Item>
              <Form.Item name="notice" label="告知申请人" rules={[{ required: true, message: '请填写告知内容' }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
          {open === 'extend' && (
            <>
              <Form.Item name="days" label="延长工作日" rules={[{ required: true, message: '请填写延长天数' }]}>
                <InputNumber min={1} />
              </Form.Item>
              <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请写明延期理由' }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
          {open === 'decide' && (
            <>
              <Form.Item name="result" label="办理结果" initialValue="approved">
                <Radio.Group
                  options={[
                    { value: 'approved', label: '准予' },
                    { value: 'refused', label: '退办' },
                  ]}
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) =>
                  getFieldValue('result') === 'refused' && (
                    <Form.Item name="reason" label="退办理由（书面答复）" rules={[{ required: true, message: '退办须写明理由' }]}>
                      <Input.TextArea rows={3} />
                    </Form.Item>
                  )
                }
              </Form.Item>
            </>
          )}
          {open === 'fees' && (
            <>
              <Form.Item name="amount" label="金额（元）" rules={[{ required: true, message: '请填写金额' }]}>
                <InputNumber min={0.01} step={1} precision={2} />
              </Form.Item>
              <Form.Item name="receiptNo" label="票据号" rules={[{ required: true, message: '请填写票据号' }]}>
                <Input />
              </Form.Item>
            </>
          )}
          {open === 'deliver' && (
            <>
              <Form.Item name="method" label="送达方式" initialValue="pickup">
                <Radio.Group
                  options={[
                    { value: 'pickup', label: '自取' },
                    { value: 'post', label: '邮寄' },
                    { value: 'e_notice', label: '电子告知' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="signedBy" label="签收人" rules={[{ required: true, message: '请填写签收人' }]}>
                <Input />
              </Form.Item>
            </>
          )}
          {open === 'withdraw' && (
            <Form.Item name="reason" label="撤回原因" rules={[{ required: true, message: '请填写撤回原因' }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
          {(open === 'start' || open === 'resume') && <Typography.Text>确认{CASE_ACTIONS[open].label}？</Typography.Text>}
        </Form>
      </Modal>
    </Space>
  );
}
