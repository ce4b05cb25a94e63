import { useRef, useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Form, Progress, Space, Typography } from 'antd';
import { bjDateTime } from '@shared/platform/beijing-time.ts';
import { errorText } from '../../shell/api.ts';
import { ACCEPT, fileSize, useCaseMaterials, useUploadMaterial, useViewMaterial, type MaterialFileView } from './materials.ts';

/**
 * 扫描/上传: a button for the file a 高拍仪 or scanner saved (PDF, JPEG, PNG); the input itself stays hidden.
 * Neither carries the material's name as a label: the row's checkbox is labelled by it, and one label names one control.
 */
export function PickFile({ label, onFile, disabled }: { label: string; onFile: (f: File) => void; disabled?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={ref}
        type="file"
        accept={ACCEPT}
        hidden
        style={{ display: 'none' }}
        aria-label="选择文件"
        data-testid={`file-${label}`}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onFile(f);
        }}
      />
      <Button size="small" icon={<UploadOutlined />} disabled={disabled} onClick={() => ref.current?.click()}>
        扫描/上传
      </Button>
    </>
  );
}

/** One material's upload state: its progress, or the Chinese message of what refused it. */
export interface RowState {
  pct?: number;
  error?: string;
}

/** 材料文件 on the case page: per material of the case's list, its scans (查看 is audited) and 扫描/上传. */
export default function MaterialFiles({ caseId, names, canUpload }: { caseId: string; names: string[]; canUpload: boolean }) {
  const list = useCaseMaterials(caseId);
  const upload = useUploadMaterial(caseId);
  const view = useViewMaterial(caseId);
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const files = list.data?.materials ?? [];
  // files named outside the item's list (an older version's material) still show
  const all = [...names, ...files.map((f) => f.name).filter((n) => !names.includes(n))].filter((n, i, a) => a.indexOf(n) === i);
  const set = (name: string, s: RowState) => setRows((r) => ({ ...r, [name]: s }));
  const pick = async (name: string, file: File) => {
    set(name, { pct: 0 });
    try {
      await upload.mutateAsync({ name, file, onProgress: (pct) => set(name, { pct }) });
      set(name, {});
    } catch (e) {
      set(name, { error: errorText(e) });
    }
  };
  return (
    <Card title="材料文件" data-testid="material-files">
      {list.isError && <Typography.Text type="danger">{errorText(list.error)}</Typography.Text>}
      <Form layout="vertical" component="div">
        {all.map((name) => (
          <Form.Item key={name} label={name} validateStatus={rows[name]?.error ? 'error' : undefined} help={rows[name]?.error} style={{ marginBottom: 12 }}>
            <Space wrap>
              {files
                .filter((f) => f.name === name)
                .map((f) => (
                  <FileLink key={f.materialId} file={f} onView={() => view.mutate(f.materialId)} />
                ))}
              {canUpload && <PickFile label={name} disabled={rows[name]?.pct !== undefined} onFile={(f) => void pick(name, f)} />}
              {rows[name]?.pct !== undefined && <Progress percent={rows[name].pct} size="small" style={{ width: 160 }} aria-label="上传进度" />}
            </Space>
          </Form.Item>
        ))}
      </Form>
      {!canUpload && files.length === 0 && <Typography.Text type="secondary">未上传材料文件</Typography.Text>}
    </Card>
  );
}

const FileLink = ({ file, onView }: { file: MaterialFileView; onView: () => void }) => (
  <span data-testid="material-file">
    {file.fileName ?? file.name}（{fileSize(file.size)}，{file.uploadedByName} {bjDateTime(file.storedAt)}）
    <Button type="link" size="small" onClick={onView}>
      查看（留痕）
    </Button>
  </span>
);
