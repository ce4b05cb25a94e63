import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Space, Spin, Tag, Typography, message } from 'antd';
import { bjYear } from '@shared/platform/beijing-time.ts';
import { errorText } from '../../shell/api.ts';
import { useFormErrors } from '../../shell/form-errors.tsx';
import { useSession } from '../../shell/session.tsx';
import { useCalendarYear, useSaveCalendarYear } from './queries.ts';
import NoticeImport from './NoticeImport.tsx';
import MonthCalendar, { dateLines as lines } from './MonthCalendar.tsx';
import './calendar.css';

/**
 * 工作日历: statutory holidays and weekend makeup workdays (调休) per year. The county admin enters
 * each new year from the State Council notice; until then due dates in it are provisional.
 */
export default function CalendarPage() {
  const { can } = useSession();
  const [year, setYear] = useState(bjYear() + 1);
  const query = useCalendarYear(year);
  const data = query.data;
  const saveYear = useSaveCalendarYear();
  const [form] = Form.useForm();
  const errors = useFormErrors(form);
  const editable = can('calendar.edit');

  // the form shows the year as stored (a year with no answer yet shows empty)
  useEffect(() => {
    form.setFieldsValue(
      data
        ? { holidays: data.year.holidays.join('\n'), makeupWorkdays: data.year.makeupWorkdays.join('\n'), source: data.year.source }
        : { holidays: '', makeupWorkdays: '', source: '' },
    );
  }, [data, form]);

  const save = async (v: { holidays: string; makeupWorkdays: string; source: string }) => {
    errors.clear();
    try {
      await saveYear.mutateAsync({ year, holidays: lines(v.holidays), makeupWorkdays: lines(v.makeupWorkdays), source: v.source });
      void message.success(`${year} 年工作日历已保存`);
    } catch (e) {
      errors.fail(e);
    }
  };

  return (
    <Card>
      <Space style={{ marginBottom: 16 }}>
        <Typography.Title level={1} className="page-title" style={{ margin: 0 }}>
          工作日历
        </Typography.Title>
        <InputNumber aria-label="年份" value={year} min={2025} max={2100} onChange={(v) => v && setYear(v)} addonAfter="年" />
      </Space>
      {query.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={errorText(query.error)}
          action={
            <Button size="small" onClick={() => void query.refetch()}>
              重试
            </Button>
          }
        />
      )}
      {data?.missing && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${year} 年工作日历尚未录入：该年的到期日按“仅周末休息”暂定计算，请依据国务院办公厅节假日安排通知录入。`}
        />
      )}
      {editable && (
        <NoticeImport
          year={year}
          onParsed={(y) =>
            form.setFieldsValue({
              holidays: y.holidays.join('\n'),
              makeupWorkdays: y.makeupWorkdays.join('\n'),
              source: form.getFieldValue('source') || y.source,
            })
          }
        />
      )}
      <Spin spinning={query.isFetching}>
        {/* outside the form: a read-only form would disable the month and year pickers too */}
        <MonthCalendar form={form} year={year} editable={editable && Boolean(data)} />
        <Form form={form} layout="vertical" onFinish={save} disabled={!editable || !data} style={{ maxWidth: 640 }}>
          {errors.alert}
          {/* the same days as lists: for pasting a notice and for keyboard users */}
          <Form.Item name="holidays" label="法定节假日（每行一个日期，YYYY-MM-DD）">
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="makeupWorkdays" label="调休上班的周末（每行一个日期）">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="source" label="依据" rules={[{ required: true, message: '请注明依据（如国务院办公厅通知文号）' }]}>
            <Input />
          </Form.Item>
          {editable && (
            <Button type="primary" htmlType="submit">
              保存
            </Button>
          )}
        </Form>
      </Spin>
      {data && !data.missing && (
        <Space wrap style={{ marginTop: 16 }}>
          {data.year.makeupWorkdays.map((d) => (
            <Tag key={d} color="orange">
              调休上班 {d}
            </Tag>
          ))}
        </Space>
      )}
    </Card>
  );
}
