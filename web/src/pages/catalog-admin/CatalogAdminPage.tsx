import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Drawer, Dropdown, Input, Modal, Space, Spin, Tag, Timeline, Typography, message } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { CatalogEntry } from '@shared/catalog/versions.ts';
import { ITEM_STATE_LABELS, VERSION_STATUS_LABELS } from '@shared/catalog/versions.ts';
import { bjDate, bjDateTimeSeconds } from '@shared/platform/beijing-time.ts';
import { errorText } from '../../shell/api.ts';
import { ResponsiveTable } from '../../shell/responsive-table.tsx';
import { useAdminEntries, useExport, useItemVersions, usePublishItem, useWithdrawItem } from './admin-client.ts';

/**
 * 事项目录管理 (county admin): every item in any state; create, edit (new draft version),
 * publish, withdraw, history; import and export.
 */
const STATE_COLORS = { draft: 'default', published: 'green', withdrawn: 'red' } as const;

export default function CatalogAdminPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const list = useAdminEntries();
  const entries = useMemo(() => list.data?.items ?? [], [list.data]);
  const [filter, setFilter] = useState(params.get('focus') ?? '');
  // the history drawer follows the catalog: a publish from it shows at once
  const [historyCode, setHistoryCode] = useState<string>();
  const historyQuery = useItemVersions(historyCode);
  const history = historyQuery.data;
  const publish = usePublishItem();
  const withdraw = useWithdrawItem();
  const exporter = useExport();

  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f ? entries.filter((e) => `${e.code} ${e.name} ${e.category} ${e.office}`.toLowerCase().includes(f)) : entries;
  }, [entries, filter]);

  /** Publishes; a failure has already been shown as a message by the mutation. */
  const publishVersion = (code: string, version: number, ok: string) => publish.mutate({ code, version }, { onSuccess: () => void message.success(ok) });

  const confirmWithdraw = (e: CatalogEntry) => {
    let reason = '';
    Modal.confirm({
      title: `撤回“${e.name}”？`,
      content: (
        <>
          <p>撤回后群众查不到该事项，也不能再受理；已受理的办件按原版本继续办理。</p>
          <Input placeholder="撤回原因（可选）" maxLength={200} onChange={(ev) => (reason = ev.target.value)} />
        </>
      ),
      okText: '撤回',
      okButtonProps: { danger: true },
      cancelText: '取消',
      // resolves either way: the dialog closes, a failure shows as a message
      onOk: () =>
        withdraw
          .mutateAsync({ code: e.code, ...(reason ? { reason } : {}) })
          .then(() => void message.success(`已撤回 ${e.name}`))
          .catch(() => undefined),
    });
  };

  const exportMenu = {
    items: [
      { key: 'published', label: '导出已发布事项' },
      { key: 'latest', label: '导出全部事项（含草稿、已撤回）' },
      { key: 'template', label: '下载导入模板' },
    ],
    onClick: ({ key }: { key: string }) => exporter.mutate(key as 'published' | 'latest' | 'template'),
  };

  return (
    <div style={{ padding: 16 }} data-testid="catalog-admin">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={1} className="page-title" style={{ margin: 0 }}>
          事项目录管理
        </Typography.Title>
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/catalog-admin/items/new')}>
            新建事项
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => navigate('/catalog-admin/import')}>
            导入
          </Button>
          <Dropdown menu={exportMenu}>
            <Button icon={<DownloadOutlined />}>导出</Button>
          </Dropdown>
        </Space>
      </Space>
      {list.isError && (
        <Alert
          type="error"
          showIcon
          message={errorText(list.error)}
          style={{ marginBottom: 12 }}
          action={
            <Button size="small" onClick={() => void list.refetch()}>
              重试
            </Button>
          }
        />
      )}
      <Input.Search
        allowClear
        placeholder="按编码、名称、类别、实施机关筛选"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        style={{ maxWidth: 420, marginBottom: 12 }}
      />
      <ResponsiveTable<CatalogEntry>
        rowKey="code"
        cardTitle={(e) => e.name}
        data-testid="catalog-admin-list"
        loading={list.isFetching}
        dataSource={shown}
        size="middle"
        pagination={{ pageSize: 50, showTotal: (t) => `共 ${t} 项` }}
        scroll={{ x: 1350 }}
        columns={[
          { title: '事项编码', dataIndex: 'code', width: 120, sorter: (a, b) => (a.code < b.code ? -1 : 1) },
          {
            title: '事项名称',
            dataIndex: 'name',
            width: 300,
            render: (name: string, e) => (
              <Space>
                {e.state === 'published' ? <Link to={`/items/${encodeURIComponent(e.code)}`}>{name}</Link> : name}
                {e.demo && <Tag color="gold">示例</Tag>}
              </Space>
            ),
          },
          {
            title: '类别',
            dataIndex: 'category',
            width: 140,
            filters: [...new Set(entries.map((e) => e.category))].map((c) => ({ text: c, value: c })),
            onFilter: (v, e) => e.category === v,
          },
          { title: '实施机关', dataIndex: 'office', width: 180 },
          {
            title: '状态',
            key: 'state',
            width: 200,
            render: (_: unknown, e) => (
              <Space size={4} wrap>
                <Tag color={STATE_COLORS[e.state]}>
                  {ITEM_STATE_LABELS[e.state]}
                  {e.publishedVersion ? ` 第${e.publishedVersion}版` : ''}
                </Tag>
                {e.latestStatus === 'draft' && e.latestVersion !== e.publishedVersion && <Tag color="blue">草稿 第{e.latestVersion}版</Tag>}
              </Space>
            ),
          },
          { title: '更新', key: 'updated', width: 150, render: (_: unknown, e) => `${bjDate(e.updatedAt)} ${e.updatedBy.displayName ?? e.updatedBy.username}` },
          {
            title: '操作',
            key: 'actions',
            width: 240,
            fixed: 'right',
            render: (_: unknown, e) => (
              <Space size={0} wrap>
                <Button type="link" onClick={() => navigate(`/catalog-admin/items/${encodeURIComponent(e.code)}/edit`)}>
                  编辑
                </Button>
                {e.latestStatus === 'draft' && (
                  <Button type="link" onClick={() => publishVersion(e.code, e.latestVersion, `已发布 ${e.name} 第 ${e.latestVersion} 版`)}>
                    发布
                  </Button>
                )}
                {e.state === 'published' && (
                  <Button type="link" danger onClick={() => confirmWithdraw(e)}>
                    撤回
                  </Button>
                )}
                <Button type="link" onClick={() => setHistoryCode(e.code)}>
                  历史
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Drawer open={!!historyCode} onClose={() => setHistoryCode(undefined)} title={history ? `版本历史：${history.entry.name}` : '版本历史'} size="large">
        {historyQuery.isPending && <Spin style={{ display: 'block', margin: 24 }} />}
        {historyQuery.isError && <Alert type="error" showIcon message={errorText(historyQuery.error)} />}
        {history && (
          <Timeline
            items={history.versions.map((v) => ({
              color: v.status === 'published' ? 'green' : v.status === 'withdrawn' ? 'red' : v.status === 'draft' ? 'blue' : 'gray',
              children: (
                <div>
                  <Space wrap>
                    <strong>第 {v.version} 版</strong>
                    <Tag>{VERSION_STATUS_LABELS[v.status]}</Tag>
                    {v.status !== 'draft' && <Link to={`/items/${encodeURIComponent(v.code)}?version=${v.version}`}>查看指南</Link>}
                    {v.status === 'draft' && (history.entry.publishedVersion ?? 0) < v.version && (
                      <Button size="small" onClick={() => publishVersion(v.code, v.version, `已发布第 ${v.version} 版`)}>
                        发布此版
                      </Button>
                    )}
                  </Space>
                  <div style={{ color: '#666' }}>
                    {bjDateTimeSeconds(v.createdAt)} {v.createdBy.username} {v.source && v.source !== 'editor' ? `（${v.source}）` : ''}
                    {v.publishedAt && ` · 发布 ${bjDate(v.publishedAt)}`}
                    {v.withdrawnAt && ` · 撤回 ${bjDate(v.withdrawnAt)}${v.withdrawReason ? `：${v.withdrawReason}` : ''}`}
                  </div>
                  <div>
                    {v.item.name} ·{' '}
                    {v.item.kind === 'immediate' ? '即办件' : `承诺 ${v.item.promisedDays ?? '-'} / 法定 ${v.item.statutoryDays ?? '-'} 个工作日`} · 材料{' '}
                    {v.item.materials.length} 项 · {v.item.fee.charged ? `收费：${v.item.fee.standard}` : '不收费'}
                  </div>
                </div>
              ),
            }))}
          />
        )}
      </Drawer>
    </div>
  );
}
