import { useEffect, useState } from 'react';
import { Calendar, Form, Select, Space, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DAY_KIND_LABELS, dayKind, toggleDay } from '@shared/calendar/day-toggle.ts';
import { bjYear } from '@shared/platform/beijing-time.ts';

export const dateLines = (s: string | undefined) => (s ?? '').split(/[\s,，]+/).filter(Boolean);

/**
 * The year as a month view: a click on a day makes it a 节假日 or a 调休上班 day, or back to an
 * ordinary day (shared/calendar/day-toggle.ts). It edits the same form fields as the date lists
 * below it, so 保存 sends one year through the calendar API either way.
 */
export default function MonthCalendar({ form, year, editable }: { form: FormInstance; year: number; editable: boolean }) {
  const holidays = dateLines(Form.useWatch('holidays', form) as string | undefined);
  const makeupWorkdays = dateLines(Form.useWatch('makeupWorkdays', form) as string | undefined);
  const [month, setMonth] = useState<Dayjs>(() => dayjs(`${year}-01-01`));
  // another year: start at its January (this year: this month)
  useEffect(() => setMonth(year === bjYear() ? dayjs().startOf('month') : dayjs(`${year}-01-01`)), [year]);

  const toggle = (d: Dayjs) => {
    const next = toggleDay(d.format('YYYY-MM-DD'), { holidays, makeupWorkdays });
    form.setFieldsValue({ holidays: next.holidays.join('\n'), makeupWorkdays: next.makeupWorkdays.join('\n') });
  };

  return (
    <div className="month-calendar" data-testid="month-calendar">
      <Space wrap size={[12, 4]} style={{ marginBottom: 8 }}>
        <Typography.Text>{editable ? '点击日期切换：工作日 → 节假日；周末：休息日 → 调休上班 → 节假日' : '本年度工作日历'}</Typography.Text>
        {(['holiday', 'makeup', 'rest'] as const).map((k) => (
          <span key={k} className={`cal-legend cal-day-${k}`}>
            {DAY_KIND_LABELS[k]}
          </span>
        ))}
      </Space>
      <Calendar
        fullscreen={false}
        value={month}
        validRange={[dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)]}
        onPanelChange={(d) => setMonth(d)}
        // the year is the page's own field: the header is one month picker with its name (antd's has none)
        headerRender={({ value, onChange }) => (
          <Select
            aria-label="月份"
            size="small"
            style={{ width: 96, marginBottom: 8 }}
            value={value.month()}
            onChange={(m: number) => onChange(value.month(m))}
            options={Array.from({ length: 12 }, (_, m) => ({ value: m, label: `${m + 1} 月` }))}
          />
        )}
        onSelect={(d, { source }) => {
          setMonth(d);
          if (source === 'date' && editable && d.year() === year) toggle(d);
        }}
        fullCellRender={(d, info) => {
          if (info.type !== 'date') return info.originNode;
          const iso = d.format('YYYY-MM-DD');
          const kind = dayKind(iso, { holidays, makeupWorkdays });
          const other = d.month() !== month.month();
          return (
            <div
              className={`cal-day cal-day-${kind}${other ? ' cal-day-other' : ''}`}
              data-date={iso}
              data-kind={kind}
              aria-label={`${iso} ${DAY_KIND_LABELS[kind]}`}
            >
              <div className="cal-day-num">{d.date()}</div>
              {(kind === 'holiday' || kind === 'makeup') && <div className="cal-day-kind">{kind === 'holiday' ? '休' : '班'}</div>}
            </div>
          );
        }}
      />
    </div>
  );
}
