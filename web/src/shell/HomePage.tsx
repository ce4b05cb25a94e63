import { Alert, Card, Col, Descriptions, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useCalendarYear } from '../pages/calendar/queries.ts';
import { bjYear } from '@shared/platform/beijing-time.ts';
import { errorText } from './api.ts';
import { useSession } from './session.tsx';
import { navFor, ROLE_LABELS } from './nav.ts';
import { runtimeConfig } from './config.ts';
import TodoPanel from '../pages/todos/TodoPanel.tsx';

/** 工作台: what I must do next (待办, first), who and where I am, and the pages I may use. */
export default function HomePage() {
  const { user, can } = useSession();
  // the county admin is told when next year's working-day calendar has not been entered
  const next = bjYear() + 1;
  const nextYear = useCalendarYear(next, { enabled: can('calendar.edit') });
  const missingYear = nextYear.data?.missing ? next : null;
  if (!user) return null;
  const shortcuts = navFor(can, Boolean(runtimeConfig().demo)).filter((n) => n.path !== '/workbench');
  return (
    <>
      <Typography.Title level={1} className="page-title">
        工作台
      </Typography.Title>
      {nextYear.isError && <Alert type="error" showIcon message={`无法读取 ${next} 年工作日历：${errorText(nextYear.error)}`} />}
      {missingYear && (
        <Alert
          type="warning"
          showIcon
          message={`${missingYear} 年工作日历尚未录入，该年的到期日将标为“暂定”。请到“工作日历”录入。`}
          data-testid="calendar-missing"
        />
      )}
      <TodoPanel />
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
