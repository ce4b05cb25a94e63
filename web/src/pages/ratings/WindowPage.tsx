import { bjDateTime } from '@shared/platform/beijing-time.ts';
import { useState } from 'react';
import { Button, Card, Segmented, Space, Table, Typography, message } from 'antd';
import type { CaseRow as CaseListRow } from '@shared/cases/responses.ts';
import { LoadMore } from '../../shell/pager.tsx';
import { useCaseList, type CaseListName } from '../cases/queries.ts';
import { errorText } from '../../shell/api.ts';
import { usePushToEvaluator } from './queries.ts';

type Row = CaseListRow;

const VIEWS: Array<{ label: string; value: CaseListName }> = [
  { label: '已办结', value: 'decided' },
  { label: '已送达', value: 'delivered' },
  { label: '已受理', value: 'accepted' },
  { label: '办理中', value: 'in_progress' },
];

/** 窗口评价: the clerk puts the case just handled on this window's evaluator (the tablet signed in as this window). */
export default function WindowPage() {
  const [view, setView] = useState<CaseListName>('decided');
  // the same list, key and shape as 办件's tab: the two pages share the cache safely
  const cases = useCaseList(view);
  const push = usePushToEvaluator();
  return (
    <Card title="窗口评价（一次一评）">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">
          在评价器平板上用本窗口账号登录并打开{' '}
          <a href="/evaluator" target="_blank" rel="noreferrer">
            评价器页面
          </a>
          ；办完业务后点“推送评价器”，群众在平板上点选表情即可。
        </Typography.Paragraph>
        <Segmented options={VIEWS} value={view} onChange={(v) => setView(v as CaseListName)} />
        <Table<Row>
          rowKey="id"
          size="small"
          loading={cases.isPending}
          dataSource={cases.rows}
          pagination={false}
          locale={{ emptyText: cases.isError ? errorText(cases.error) : '暂无办件' }}
          columns={[
            { title: '受理编号', dataIndex: 'number' },
            { title: '事项', dataIndex: 'itemName' },
            { title: '申请人', dataIndex: 'applicantName' },
            { title: '受理时间', dataIndex: 'acceptedAt', render: (v?: string) => bjDateTime(v) },
            {
              title: '',
              key: 'push',
              render: (_: unknown, r) => (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => push.mutate(r.id, { onSuccess: () => void message.success(`已推送到评价器：${r.number}`) })}
                  data-testid={`push-${r.number}`}
                >
                  推送评价器
                </Button>
              ),
            },
          ]}
        />
        <LoadMore list={cases} testId="window-more" />
      </Space>
    </Card>
  );
}
