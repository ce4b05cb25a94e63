import { Space, Tag } from 'antd';
import type { ArchiveChecks } from '@shared/archive/model.ts';

export { RETENTION_LABELS } from '@shared/archive/model.ts';

/** DA/T 70's four checks at ingest, as people read them. */
export const CHECK_LABELS: Record<keyof ArchiveChecks, string> = {
  authenticity: '真实性',
  integrity: '完整性',
  usability: '可用性',
  security: '安全性',
};

export const ARCHIVE_STATUS_LABELS = { pending: '待归档（办结或送达后自动归档）', archived: '已归档', destroyed: '已销毁' } as const;

/** The four checks as tags: each says 通过 or 未通过 in words, not only by colour. */
export const ChecksTags = ({ checks }: { checks: ArchiveChecks }) => (
  <Space size={4} wrap>
    {(Object.keys(CHECK_LABELS) as Array<keyof ArchiveChecks>).map((k) => (
      <Tag key={k} color={checks[k] ? 'green' : 'red'}>
        {CHECK_LABELS[k]}
        {checks[k] ? '通过' : '未通过'}
      </Tag>
    ))}
  </Space>
);

/** A file's path inside the package without the 档号 folder it sits in. */
export const innerName = (path: string): string => path.split('/').slice(1).join('/') || path;
