import { Alert, Card, Tag, Typography } from 'antd';
import { bjDateTimeSeconds } from '@shared/platform/beijing-time.ts';
import { errorText } from '../../shell/api.ts';
import { useDemoInbox, type DemoText } from './queries.ts';
import { ResponsiveTable } from '../../shell/responsive-table.tsx';

const PROVIDER_LABELS: Record<DemoText['provider'], string> = { aliyun: '阿里云短信', tencent: '腾讯云短信', webhook: '政务短信平台' };

/**
 * 短信（演示）: the texts the local fake provider received, as the applicants' phones would show
 * them, so a demo shows every notice without a real phone. Only where `npm start` runs the fake.
 */
export default function DemoInboxPage() {
  const inbox = useDemoInbox();
  const texts = inbox.data?.texts ?? [];
  return (
    <Card>
      <Typography.Title level={1} className="page-title">
        短信（演示）
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        data-testid="demo-inbox-note"
        message="演示：本页列出本地模拟短信平台收到的短信（受理、一次性告知、办结等告知），不会发到真实手机；手机号已隐去中间四位。"
        style={{ marginBottom: 12 }}
      />
      {inbox.isError && <Alert type="warning" showIcon message={errorText(inbox.error)} style={{ marginBottom: 12 }} />}
      <ResponsiveTable<DemoText>
        data-testid="demo-inbox"
        rowKey="id"
        loading={inbox.isLoading}
        dataSource={texts}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '模拟短信平台尚未收到短信' }}
        cardTitle={(t) => `${t.phoneMasked} ${bjDateTimeSeconds(t.at)}`}
        columns={[
          { title: '收到时间', dataIndex: 'at', width: 170, render: (at: string) => bjDateTimeSeconds(at) },
          { title: '手机号', dataIndex: 'phoneMasked', width: 130 },
          { title: '通道', dataIndex: 'provider', width: 120, render: (p: DemoText['provider']) => <Tag>{PROVIDER_LABELS[p] ?? p}</Tag> },
          { title: '模板', dataIndex: 'templateCode', width: 140 },
          { title: '短信内容', dataIndex: 'text' },
        ]}
      />
      {Boolean(inbox.data?.refused.length) && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          message="模拟平台拒收的请求（签名或参数不对）"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {inbox.data!.refused.map((r, i) => (
                <li key={i}>
                  {bjDateTimeSeconds(r.at)}：{r.reason}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
}
