import { MOBILE_PHONE } from '@shared/schema/phone.ts';
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Result, Select, Space, Tabs, Typography } from 'antd';
import { errorText } from '../../shell/api.ts';
import { useItemSearch } from '../items/catalog-client.ts';
import { useFormErrors } from '../../shell/form-errors.tsx';
import type { Appointment } from '@shared/hall/responses.ts';
import { bjTime, hallClient } from './client.ts';
import { hallKeys, useHall, useHalls, useSlots } from './queries.ts';
import { useQueryClient } from '@tanstack/react-query';
import './hall.css';

interface BookValues {
  itemCode: string;
  name: string;
  phone: string;
  slotId: string;
}

/**
 * 预约办事 (public, phone-sized): pick the center, the item, a slot of the next working days,
 * give name and phone → the booking code to check in with at the kiosk. Cancel with code + phone.
 */
export default function BookPage() {
  const [officeId, setOfficeId] = useState<string>();
  const hallsQuery = useHalls();
  const halls = hallsQuery.data?.halls ?? [];
  const hallQuery = useHall(officeId);
  const hall = hallQuery.data?.hall ?? null;
  const [q, setQ] = useState('');
  const term = q.trim();
  const hits = useItemSearch({ q: term, limit: 20 }, { enabled: term !== '', keepPrevious: true });
  const items = term ? (hits.data?.items ?? []) : [];
  const [itemCode, setItemCode] = useState<string>();
  const [booked, setBooked] = useState<Appointment | null>(null);
  const [form] = Form.useForm<BookValues>();
  const errors = useFormErrors(form);
  const slotId = Form.useWatch('slotId', form);
  const group = hall && itemCode ? (hall.groups.find((g) => g.items.includes(itemCode)) ?? hall.groups.find((g) => g.items.length === 0)) : undefined;
  const slots = useSlots(officeId, group?.id);
  const days = slots.data?.days ?? [];
  const failed = [hallsQuery, hallQuery, slots].find((x) => x.isError);
  const loadError = failed ? errorText(failed.error) : null;
  const client = useQueryClient();
  // another center or item group: the chosen slot belongs to the old one
  useEffect(() => form.setFieldValue('slotId', undefined), [officeId, group?.id, form]);

  const submit = async (v: BookValues) => {
    if (!officeId) return;
    errors.clear();
    try {
      setBooked((await hallClient.book({ officeId, slotId: v.slotId, itemCode: v.itemCode, name: v.name, phone: v.phone })).appointment);
    } catch (e) {
      errors.fail(e);
      // a slot taken meanwhile: show what is left now
      void client.invalidateQueries({ queryKey: hallKeys.allSlots });
    }
  };

  if (booked) {
    return (
      <main className="public-page" style={{ maxWidth: 520, margin: '0 auto', padding: 12 }}>
        <Result
          status="success"
          title="预约成功"
          subTitle={`${booked.date} ${bjTime(booked.start)}–${bjTime(booked.end)} · ${booked.itemName}`}
          extra={
            <Card>
              <Typography.Paragraph style={{ fontSize: 18 }}>预约码（到大厅取号机签到时输入）</Typography.Paragraph>
              <Typography.Title level={2} data-testid="booking-code" copyable>
                {booked.code}
              </Typography.Title>
              <Typography.Paragraph type="secondary">
                预约人 {booked.name} · {booked.phone}。如不能前来，请在时段开始 {hall?.latestCancelMinutes ?? 120} 分钟前取消。
              </Typography.Paragraph>
            </Card>
          }
        />
      </main>
    );
  }

  return (
    <main className="public-page" style={{ maxWidth: 520, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        预约办事
      </Typography.Title>
      {loadError && <Alert type="warning" showIcon message={loadError} style={{ marginBottom: 12 }} />}
      <Card>
        {errors.alert}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item label="服务中心" required>
            <Select
              data-testid="book-office"
              placeholder="选择服务中心"
              value={officeId}
              onChange={setOfficeId}
              options={halls.map((h) => ({ value: h.officeId, label: h.name }))}
            />
          </Form.Item>
          <Form.Item name="itemCode" label="办理事项" rules={[{ required: true, message: '请选择事项' }]}>
            <Select
              data-testid="book-item"
              showSearch
              filterOption={false}
              placeholder="输入事项名称搜索，如 身份证"
              onSearch={setQ}
              onChange={(v: string) => setItemCode(v)}
              options={items.map((i) => ({ value: i.code, label: i.name }))}
            />
          </Form.Item>
          {group && (
            <Form.Item
              name="slotId"
              label={`预约时段（${group.name}，今天起 ${hall?.bookingDays ?? ''} 个工作日）`}
              rules={[{ required: true, message: '请选择时段' }]}
            >
              <Tabs
                items={days.map((d) => ({
                  key: d.date,
                  label: d.date.slice(5),
                  children: (
                    <div className="hall-slot-grid">
                      {d.slots.map((s) => (
                        <Button
                          key={s.id}
                          data-testid={`slot-${s.id}`}
                          type={slotId === s.id ? 'primary' : 'default'}
                          disabled={s.left === 0}
                          onClick={() => form.setFieldValue('slotId', s.id)}
                        >
                          {bjTime(s.start)} 余{s.left}
                        </Button>
                      ))}
                      {!d.slots.length && <Typography.Text type="secondary">当天无可约时段</Typography.Text>}
                    </div>
                  ),
                }))}
              />
            </Form.Item>
          )}
          <Form.Item name="name" label="姓名" rules={[{ required: true, max: 30, message: '请填写姓名' }]}>
            <Input autoComplete="name" maxLength={30} />
          </Form.Item>
          <Form.Item name="phone" label="手机号" rules={[{ required: true, pattern: MOBILE_PHONE, message: '请填写 11 位手机号' }]}>
            <Input inputMode="numeric" maxLength={11} autoComplete="tel" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block>
            提交预约
          </Button>
        </Form>
      </Card>
      <CancelCard />
    </main>
  );
}

/** 取消预约: code + the phone it was booked with. */
function CancelCard() {
  const [form] = Form.useForm<{ code: string; phone: string }>();
  const errors = useFormErrors(form);
  const [done, setDone] = useState(false);
  const cancel = async (v: { code: string; phone: string }) => {
    errors.clear();
    try {
      await hallClient.cancel(v.code.trim().toUpperCase(), v.phone);
      setDone(true);
    } catch (e) {
      errors.fail(e);
    }
  };
  return (
    <Card title="取消预约" style={{ marginTop: 16 }}>
      {done ? (
        <Alert type="success" showIcon message="预约已取消" />
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            Modal.confirm({
              title: `确定取消预约 ${v.code.toUpperCase()}？`,
              content: '取消后该时段名额将释放给他人。',
              okText: '取消预约',
              cancelText: '不取消',
              onOk: () => cancel(v),
            })
          }
        >
          {errors.alert}
          <Space.Compact block>
            <Form.Item name="code" rules={[{ required: true, pattern: /^[A-Za-z2-9]{8}$/, message: '请输入 8 位预约码' }]} style={{ flex: 1 }}>
              <Input placeholder="预约码" maxLength={8} />
            </Form.Item>
            <Form.Item name="phone" rules={[{ required: true, pattern: MOBILE_PHONE, message: '请填写手机号' }]} style={{ flex: 1 }}>
              <Input placeholder="手机号" inputMode="numeric" maxLength={11} />
            </Form.Item>
          </Space.Compact>
          <Button danger htmlType="submit" block>
            取消预约
          </Button>
        </Form>
      )}
    </Card>
  );
}
