import { Alert, Button, Card, List, Space, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { bjDateTime } from '../../../../shared/platform/beijing-time.ts';
import { useInbox, useMyCommissions } from './queries.ts';

const STATUS_COLORS: Record<string, string> = { submitted: 'orange', taken_in: 'blue', returned: 'green', delivered: 'default' };

/** 我的代办 (phone first): what the agent carried, with where it stands; 回交待送达 on its own tab. */
export default function AgentHomePage() {
  const mine = useMyCommissions();
  const back = useInbox('handback');
  const navigate = useNavigate();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" size="large" block onClick={() => navigate('/agent/new')} data-testid="agent-new">
        代办登记
      </Button>
      <Card styles={{ body: { padding: 12 } }}>
        <Tabs
          items={[
            {
              key: 'mine',
              label: '我的代办',
              children: (
                <>
                  {mine.isError && <Alert type="error" showIcon message={mine.error.message} />}
                  <List
                    loading={mine.isFetching}
                    dataSource={mine.data?.commissions ?? []}
                    locale={{ emptyText: '还没有代办件' }}
                    data-testid="agent-mine"
                    renderItem={(k) => (
                      <List.Item onClick={() => navigate(`/commissions/${k.id}`)} style={{ cursor: 'pointer' }}>
                        <List.Item.Meta
                          title={
                            <Space wrap>
                              {k.itemName}
                              <Tag color={k.caseStatus === 'awaiting_supplement' || k.caseStatus === 'not_accepted' ? 'red' : STATUS_COLORS[k.status]}>
                                {k.statusLabel}
                              </Tag>
                              {k.late && <Tag color="red">乡镇接收超时</Tag>}
                            </Space>
                          }
                          description={
                            <>
                              {`${k.number} · ${k.applicantName} · ${bjDateTime(k.createdAt)}`}
                              {!!k.missingMaterials?.length && <div style={{ color: '#a8071a' }}>缺：{k.missingMaterials.join('、')}</div>}
                            </>
                          }
                        />
                      </List.Item>
                    )}
                  />
                </>
              ),
            },
            {
              key: 'back',
              label: `回交待送达${back.data?.entries.length ? `（${back.data.entries.length}）` : ''}`,
              children: (
                <List
                  loading={back.isFetching}
                  dataSource={back.data?.entries ?? []}
                  locale={{ emptyText: '没有待送达的办理结果' }}
                  data-testid="agent-back"
                  renderItem={(e) => (
                    <List.Item
                      actions={[
                        <Link key="go" to={`/commissions/${e.commissionId}`}>
                          送达
                        </Link>,
                      ]}
                    >
                      <List.Item.Meta
                        title={e.itemName}
                        description={`${e.title ?? ''} · ${e.applicantName} · ${e.fromOfficeName} 回交于 ${bjDateTime(e.sentAt)}`}
                      />
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
      </Card>
      <Typography.Text type="secondary">全程代办，无偿服务：办结后结果回交本站，由代办员送达申请人。</Typography.Text>
    </Space>
  );
}
