import { useState } from 'react';
import { Alert, Button, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { defaultNoticeSource, parseNoticeIcs, parseNoticeSheets, type NoticeImport as Parsed } from '@shared/calendar/notice-import.ts';
import type { CalendarYear } from '@shared/calendar/year.ts';
import { readWorkbook } from '@shared/sheets/xlsx.ts';
import { ValidationError } from '@shared/errors/domain-errors.ts';

/**
 * 导入国务院节假日安排通知: an ICS calendar file or a spreadsheet (日期 / 结束日期 / 类型：放假·上班).
 * Parsed here, in the browser, into the form below: the admin checks the days and saves as usual.
 */
export default function NoticeImport({ year, onParsed }: { year: number; onParsed: (y: CalendarYear) => void }) {
  const [result, setResult] = useState<{ name: string; parsed: Parsed } | { name: string; error: string; fields: string[] }>();

  const read = async (file: File) => {
    const buf = new Uint8Array(await file.arrayBuffer());
    const source = defaultNoticeSource(year, file.name);
    try {
      const parsed = /\.ics$/i.test(file.name)
        ? parseNoticeIcs(new TextDecoder().decode(buf), year, source)
        : parseNoticeSheets(await readWorkbook(file.name, buf), year, source);
      setResult({ name: file.name, parsed });
      onParsed(parsed.year);
    } catch (e) {
      const fields = e instanceof ValidationError ? e.fields.map((f) => `${f.path}：${f.message}`) : [];
      setResult({ name: file.name, error: (e as Error).message, fields });
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      <Space wrap>
        <Upload accept=".ics,.xlsx,.csv" showUploadList={false} beforeUpload={(f) => (void read(f), false)}>
          <Button icon={<UploadOutlined />}>导入节假日安排通知（ICS 或 Excel）</Button>
        </Upload>
        <Typography.Text type="secondary">Excel 表头：日期、结束日期（可选）、类型（放假 / 上班）</Typography.Text>
      </Space>
      {result && 'parsed' in result && (
        <Alert
          type="success"
          showIcon
          data-testid="notice-parsed"
          message={`已从 ${result.name} 读出 ${year} 年：放假 ${result.parsed.year.holidays.length} 天，调休上班 ${result.parsed.year.makeupWorkdays.length} 天。请核对下方日期后保存。`}
          description={
            result.parsed.skipped.length ? `略过：${result.parsed.skipped.slice(0, 5).join('；')}${result.parsed.skipped.length > 5 ? ' …' : ''}` : undefined
          }
        />
      )}
      {result && 'error' in result && (
        <Alert
          type="error"
          showIcon
          message={`${result.name}：${result.error}`}
          description={result.fields.length > 1 ? result.fields.slice(0, 8).join('；') : undefined}
        />
      )}
    </Space>
  );
}
