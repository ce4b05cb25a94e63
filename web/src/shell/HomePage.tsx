import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useSession } from './session.tsx';
import { NAV, ROLE_LABELS } from './nav.ts';

/** 工作台: who and where I am, and the pages I may use. */
export default function HomePage() {
  const { user, can } = useSession();
  if (!user) return null;
  const shortcuts = NAV.filter((n) => n.path !== '/' && (!n.scope || can(n.scope)));
  return (
    <>
      <Typography.Title level={3}>工作台</Typography.Title>
      <Card>
        <Descriptions column={{ xs: 1, sm: 3 }}>
          <Descriptions.Item label="姓名">{user.displayName}</Descriptions.Item>
          <Descriptions.Item label="所属机构">{user.officeName}</Descriptions.Item>
          <Descriptions.Item label="角色">{user.roles.map((r) => ROLE_LABELS[r] ?? r).join('、')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        {shortcuts.map((s) => (
          <Col key={s.path} xs={12} md={6}>
            <Link to={s.path}>
              <Card hoverable style={{ textAlign: 'center', fontSize: 18 }}>
                {s.label}
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
