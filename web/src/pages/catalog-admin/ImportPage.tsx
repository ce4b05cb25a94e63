import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Progress, Segmented, Space, Statistic, Switch, Table, Tag, Typography, Upload, message } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { readWorkbook, type Sheet } from '@shared/sheets/xlsx.ts';
import { parseWorkbook } from '@shared/catalog/import-format.ts';
import { errorText } from '../../shell/api.ts';
import { useExport, useImport, type ImportReport, type ImportRowReport } from './admin-client.ts';

/**
 * 事项导入: the county's Excel list. The file is read and parsed here first (so a wrong file is
 * caught before uploading), then uploaded with a real progress bar; the server's dry run reports
 * every row (新增 / 修改 / 无变化 / 错误 with the row number and reason). Only then can it be
 * committed; in strict mode a single bad row means nothing is written.
 */
type Phase = 'idle' | 'reading' | 'parsing' | 'uploading' | 'checking' | 'done';
const PHASE_LABELS: Record<Phase, string> = {
  idle: '',
  reading: '读取文件',
  parsing: '解析工作表',
  uploading: '上传文件',
  checking: '服务器逐行检查',
  done: '完成',
};
const STATUS = {
  created: { label: '新增', color: 'green' },
  updated: { label: '修改', color: 'blue' },
  unchanged: { label: '无变化', color: 'default' },
  error: { label: '错误', color: 'red' },
} as const;

const readFile = (file: File, onProgress: (f: number) => void): Promise<ArrayBuffer> =>
  new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(new Error('无法读取文件'));
    r.readAsArrayBuffer(file);
  });

const toBase64 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

export default function ImportPage() {
  const [file, setFile] = useState<File>();
  const [bytes, setBytes] = useState<Uint8Array>();
  const [strict, setStrict] = useState(true);
  const [publish, setPublish] = useState(true);
  const [phase, setPhase] = useState<Phase>('idle');
  const [percent, setPercent] = useState(0);
  const [localRows, setLocalRows] = useState<number>();
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<string>();
  const [show, setShow] = useState<'all' | 'error'>('error');
  const upload = useImport();
  const exporter = useExport();

  const busy = phase !== 'idle' && phase !== 'done';

  /** Overall progress: reading 0–20 %, parsing 20–35 %, uploading 35–90 %, server check 90–100 %. */
  const stage = (p: Phase, fraction: number) => {
    setPhase(p);
    const ranges: Record<Phase, readonly [number, number]> = {
      idle: [0, 0],
      reading: [0, 20],
      parsing: [20, 35],
      uploading: [35, 90],
      checking: [90, 99],
      done: [100, 100],
    };
    const [from, to] = ranges[p];
    setPercent(Math.round(from + (to - from) * Math.min(1, fraction)));
  };

  const prepare = async (f: File) => {
    setFile(f);
    setReport(undefined);
    setError(undefined);
    setLocalRows(undefined);
    try {
      stage('reading', 0);
      const buf = new Uint8Array(await readFile(f, (x) => stage('reading', x)));
      stage('parsing', 0);
      const sheets: Sheet[] = await readWorkbook(f.name, buf, (done, total) => stage('parsing', done / total));
      const wb = parseWorkbook(sheets);
      setLocalRows(wb.items.length);
      setBytes(buf);
      stage('done', 1);
      await send(f, buf, 'dry-run');
    } catch (e) {
      setError(errorText(e));
      setPhase('idle');
    }
  };

  const send = async (f: File, buf: Uint8Array, mode: 'dry-run' | 'commit') => {
    setError(undefined);
    stage('uploading', 0);
    try {
      const r = await upload.mutateAsync({
        body: { filename: f.name, contentBase64: toBase64(buf), mode, strict, publish },
        onUpload: (x) => stage(x >= 1 ? 'checking' : 'uploading', x),
      });
      setReport(r);
      stage('done', 1);
      if (mode === 'commit') {
        if (r.written) message.success(`已导入 ${r.written} 项${r.publish ? '并发布' : '（草稿）'}`);
        else if (!r.ok) message.error('严格模式：有错误行，未写入任何数据');
      }
      setShow(r.totals.error ? 'error' : 'all');
    } catch (e) {
      setError(errorText(e));
      setPhase('idle');
    }
  };

  const rows = report ? (show === 'error' ? report.rows.filter((r) => r.status === 'error') : report.rows) : [];
  const committed = report?.mode === 'commit';

  return (
    <div style={{ maxWidth: 1100, margin: '0 auto', padding: 16 }} data-testid="catalog-import">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} className="page-title" style={{ margin: 0 }}>
          导入事项清单
        </Typography.Title>
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => exporter.mutate('template')}>
            下载导入模板
          </Button>
          <Link to="/catalog-admin">返回事项目录</Link>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">
        支持 .xlsx（“事项”表一行一个事项，“材料”表一行一个材料）和 .csv。先试导入，逐行报告结果；确认无误后再正式导入。导出的工作簿可直接修改后再导入。
      </Typography.Paragraph>
      <Card size="small">
        <Space wrap size="large">
          <label>
            <Space>
              严格模式（有任何错误行则不写入）
              <Switch checked={strict} onChange={setStrict} disabled={busy} />
            </Space>
          </label>
          <label>
            <Space>
              导入后直接发布
              <Switch checked={publish} onChange={setPublish} disabled={busy} />
            </Space>
          </label>
        </Space>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(f) => {
            void prepare(f);
            return false;
          }}
          style={{ marginTop: 12 }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖入 Excel 文件（.xlsx / .csv，不超过 10 MB）</p>
          {file && (
            <p className="ant-upload-hint">
              {file.name}（{(file.size / 1024).toFixed(0)} KB）
            </p>
          )}
        </Upload.Dragger>
        {phase !== 'idle' && (
          <div style={{ marginTop: 12 }} data-testid="import-progress">
            <Progress percent={percent} status={busy ? 'active' : 'normal'} />
            <span>
              {PHASE_LABELS[phase]}
              {localRows !== undefined && `：文件中有 ${localRows} 个事项行`}
            </span>
          </div>
        )}
      </Card>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="import-error" />}
      {report && (
        <Card style={{ marginTop: 12 }} title={committed ? '导入结果' : '试导入结果（尚未写入）'} data-testid="import-report">
          <Space size="large" wrap>
            <Statistic title="新增" value={report.totals.created} />
            <Statistic title="修改" value={report.totals.updated} />
            <Statistic title="无变化" value={report.totals.unchanged} />
            <Statistic title="错误" value={report.totals.error} valueStyle={{ color: report.totals.error ? '#cf1322' : undefined }} />
            {committed && <Statistic title="已写入" value={report.written} />}
          </Space>
          {report.unknownHeaders.length > 0 && (
            <Alert type="info" showIcon style={{ marginTop: 12 }} message={`以下列不是模板中的列，已忽略：${report.unknownHeaders.join('、')}`} />
          )}
          {!committed && report.totals.error > 0 && strict && (
            <Alert type="warning" showIcon style={{ marginTop: 12 }} message="严格模式：请先修正错误行，否则正式导入不会写入任何数据。" />
          )}
          {committed && !report.ok && <Alert type="error" showIcon style={{ marginTop: 12 }} message="严格模式：存在错误行，未写入任何数据。" />}
          <Space style={{ margin: '12px 0' }} wrap>
            <Segmented
              value={show}
              onChange={(v) => setShow(v as 'all' | 'error')}
              options={[
                { value: 'error', label: `只看错误（${report.totals.error}）` },
                { value: 'all', label: `全部行（${report.totals.rows}）` },
              ]}
            />
            {!committed && file && bytes && (
              <Button
                type="primary"
                disabled={busy || (strict && report.totals.error > 0) || report.totals.created + report.totals.updated === 0}
                onClick={() => void send(file, bytes, 'commit')}
                data-testid="import-commit"
              >
                正式导入（{report.totals.created + report.totals.updated} 项{publish ? '并发布' : '为草稿'}）
              </Button>
            )}
          </Space>
          <Table<ImportRowReport>
            size="small"
            rowKey={(r) => `${r.sheet}-${r.row}`}
            dataSource={rows}
            pagination={{ pageSize: 100 }}
            columns={[
              { title: '工作表', dataIndex: 'sheet', width: 80 },
              { title: '行号', dataIndex: 'row', width: 70 },
              { title: '事项编码', dataIndex: 'code', width: 120 },
              { title: '事项名称', dataIndex: 'name' },
              { title: '结果', dataIndex: 'status', width: 90, render: (s: ImportRowReport['status']) => <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag> },
              { title: '原因', dataIndex: 'messages', render: (m: string[]) => m.join('；') },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
