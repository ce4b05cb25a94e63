import { Button, Card, Col, Descriptions, Form, Input, Row, Space, Switch, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { runtimeConfig } from './config.ts';
import { useElder } from './elder.tsx';

/** Shown when the runtime config names no center: clearly a sample, never taken for the real thing. */
const SAMPLE_CENTER = {
  name: '县政务服务中心',
  address: '县城人民路 1 号（示例）',
  hours: '周一至周五 8:30–12:00，14:30–17:30（法定节假日除外）',
  phones: [
    { label: '咨询电话', number: '0376-0000000' },
    { label: '投诉电话', number: '12345' },
  ],
};

/**
 * 首页 for citizens (no login): 事项查询, 进度查询, 长者版, where and when the center is open,
 * and the way in for staff.
 */
export default function FrontDoorPage() {
  const cfg = runtimeConfig();
  const [elder, setElder] = useElder();
  const navigate = useNavigate();
  const center = cfg.center ?? SAMPLE_CENTER;
  const sample = !cfg.center || cfg.demo;
  return (
    <>
      <header className="shell-header">
        <span className="brand">{cfg.countyName} 便民服务</span>
        {cfg.demo && <span className="demo-tag">演示数据</span>}
        <span className="who">
          <label>
            长者版 <Switch checked={elder} onChange={setElder} size="small" data-testid="elder-toggle" aria-label="长者版" />
          </label>
          <Link to="/login" className="staff-login">
            工作人员登录
          </Link>
        </span>
      </header>
      <main className="shell-content" data-testid="front-door">
        <Typography.Title level={1} style={{ fontSize: 28 }}>
          {cfg.countyName} 便民服务
        </Typography.Title>
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12}>
            <Card title={<h2 style={{ margin: 0, fontSize: 20 }}>事项查询</h2>}>
              <Form layout="vertical" onFinish={(v: { q?: string }) => navigate(v.q?.trim() ? `/items?q=${encodeURIComponent(v.q.trim())}` : '/items')}>
                <Form.Item name="q" label="要办什么事（如 身份证、低保、sfz）">
                  <Input size="large" />
                </Form.Item>
                <Space wrap>
                  <Button type="primary" size="large" htmlType="submit">
                    查找办事指南
                  </Button>
                  <Link to="/items">全部事项</Link>
                </Space>
              </Form>
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card title={<h2 style={{ margin: 0, fontSize: 20 }}>进度查询</h2>}>
              <Form
                layout="vertical"
                onFinish={(v: { number: string; phone4: string }) =>
                  navigate(`/status/${encodeURIComponent(v.number.trim())}`, { state: { phone4: v.phone4 } })
                }
              >
                <Form.Item name="number" label="受理编号" rules={[{ required: true, message: '请填写受理编号' }]}>
                  <Input size="large" placeholder="如 411521-20261122-0042" />
                </Form.Item>
                <Form.Item name="phone4" label="申请人手机号后四位" rules={[{ required: true, pattern: /^\d{4}$/, message: '请填写手机号后四位' }]}>
                  <Input size="large" maxLength={4} inputMode="numeric" />
                </Form.Item>
                <Button type="primary" size="large" htmlType="submit">
                  查询进度
                </Button>
              </Form>
            </Card>
          </Col>
          <Col xs={24}>
            <Card
              title={<h2 style={{ margin: 0, fontSize: 20 }}>{center.name}</h2>}
              extra={sample ? <Tag className="sample-tag">示例</Tag> : undefined}
              data-testid="center-info"
            >
              <Descriptions column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label="地址">{center.address}</Descriptions.Item>
                <Descriptions.Item label="办公时间">{center.hours}</Descriptions.Item>
                {center.phones.map((p) => (
                  <Descriptions.Item key={p.label} label={p.label}>
                    <a href={`tel:${p.number}`}>{p.number}</a>
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
          </Col>
        </Row>
      </main>
    </>
  );
}
