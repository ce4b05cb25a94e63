import { Button, Card, Descriptions, Spin, Table, Typography } from 'antd';
import { bjDateTime } from '@shared/platform/beijing-time.ts';
import { errorText } from '../../shell/api.ts';
import { fileSize } from '../cases/materials.ts';
import { ARCHIVE_STATUS_LABELS, ChecksTags, RETENTION_LABELS, innerName } from './labels.tsx';
import { useCaseArchive, useDownloadPackage } from './queries.ts';

/** 电子档案 on the case page: the package's status, retention and dates, its files with checksums, DA/T 70's checks. */
export default function ArchivePanel({ caseId }: { caseId: string }) {
  const q = useCaseArchive(caseId);
  const dl = useDownloadPackage();
  const a = q.data?.archive;
  return (
    <Card
      title="电子档案"
      data-testid="archive-panel"
      extra={
        a?.status === 'archived' &&
        a.archiveCode && (
          <Button onClick={() => dl.mutate({ caseId, archiveCode: a.archiveCode! })} loading={dl.isPending} data-testid="download-package">
            下载档案包
          </Button>
        )
      }
    >
      {q.isPending && <Spin />}
      {q.isError && <Typography.Text type="danger">{errorText(q.error)}</Typography.Text>}
      {a && (
        <>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label="归档状态">{ARCHIVE_STATUS_LABELS[a.status]}</Descriptions.Item>
            {a.archiveCode && <Descriptions.Item label="档号">{a.archiveCode}</Descriptions.Item>}
            <Descriptions.Item label="保管期限">{a.retention ? RETENTION_LABELS[a.retention] : '—'}</Descriptions.Item>
            <Descriptions.Item label="归档日期">{a.archiveDate ?? '—'}</Descriptions.Item>
            {a.status !== 'pending' && <Descriptions.Item label="保管至">{a.retainUntil ? `${a.retainUntil} 前` : '永久'}</Descriptions.Item>}
            {a.status !== 'pending' && (
              <Descriptions.Item label="四性检测">
                <ChecksTags checks={a.checks} />
              </Descriptions.Item>
            )}
            {(a.approvals ?? []).length > 0 && (
              <Descriptions.Item label="销毁批准">{a.approvals!.map((x) => `${x.byName}（${bjDateTime(x.at)}）`).join('；')}</Descriptions.Item>
            )}
          </Descriptions>
          {a.files.length > 0 && (
            <Table
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={a.files}
              style={{ marginTop: 12 }}
              scroll={{ x: true }}
              columns={[
                { title: '文件', dataIndex: 'name', render: (n: string) => innerName(n) },
                { title: '大小', dataIndex: 'size', render: (n: number) => fileSize(n), width: 90 },
                {
                  title: 'SHA-256 校验值',
                  dataIndex: 'sha256',
                  render: (s: string) => (
                    <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }}>
                      {s}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
