import { useState } from 'react';
import { Button, Layout, Menu, Space, Switch, Tag } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from './session.tsx';
import { navFor, ROLE_LABELS } from './nav.ts';
import { runtimeConfig } from './config.ts';
import { useElder } from './elder.tsx';
import InboxBadge from '../pages/network/InboxBadge.tsx';
import { LoadError, PageSpin } from './loading.tsx';
import { ErrorBoundary } from './error-boundary.tsx';

/** Signed-in pages: header with office, user, roles, 长者版 and 退出; menu by scope. */
export default function StaffLayout() {
  const { user, loading, error, retry, logout, can } = useSession();
  const [elder, setElder] = useElder();
  const navigate = useNavigate();
  const location = useLocation();
  // phones: the menu folds away and a ☰ in the header's flow opens it (antd's floating trigger covered the title)
  const [narrow, setNarrow] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  if (loading) return <PageSpin />;
  if (error) return <LoadError error={error} title="无法确认登录状态" retry={retry} />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  const limited = user.mustChangePassword || user.totpEnrolmentRequired;
  if (user.mustChangePassword && location.pathname !== '/account/password') return <Navigate to="/account/password" replace />;
  if (!user.mustChangePassword && user.totpEnrolmentRequired && location.pathname !== '/account/totp') return <Navigate to="/account/totp" replace />;

  const entries = navFor(can, Boolean(runtimeConfig().demo));
  const selected = entries.filter((e) => location.pathname === e.path || (e.path !== '/workbench' && location.pathname.startsWith(`${e.path}/`))).pop();
  const cfg = runtimeConfig();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <header className="shell-header no-print">
        {narrow && !limited && (
          <Button
            type="text"
            className="menu-toggle"
            icon={<MenuOutlined />}
            aria-label="菜单"
            aria-expanded={menuOpen}
            aria-controls="staff-menu"
            onClick={() => setMenuOpen((o) => !o)}
            data-testid="menu-toggle"
          />
        )}
        <span className="brand">{cfg.countyName} 便民服务</span>
        {cfg.demo && <span className="demo-tag">演示数据</span>}
        <span className="who" data-testid="who">
          <span>{user.officeName}</span>
          <span>{user.displayName}</span>
          {user.roles.map((r) => (
            <Tag key={r} color="gold">
              {ROLE_LABELS[r] ?? r}
            </Tag>
          ))}
          <label>
            长者版 <Switch checked={elder} onChange={setElder} size="small" data-testid="elder-toggle" aria-label="长者版" />
          </label>
          <Button size="small" onClick={() => void logout().then(() => navigate('/login'))}>
            退出
          </Button>
        </span>
      </header>
      <Layout>
        {!limited && (
          <Layout.Sider
            breakpoint="md"
            collapsedWidth={0}
            collapsible
            collapsed={narrow && !menuOpen}
            trigger={null}
            onBreakpoint={(broken) => {
              setNarrow(broken);
              setMenuOpen(false);
            }}
            theme="light"
            width={180}
            className="no-print"
            id="staff-menu"
          >
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected.path] : []}
              items={entries.map((e) => ({
                key: e.path,
                label: e.counter ? <e.counter label={e.label} /> : e.badge ? <InboxBadge label={e.label} kinds={e.badge} /> : e.label,
              }))}
              onClick={(i) => {
                navigate(i.key);
                setMenuOpen(false);
              }}
              data-testid="nav"
            />
          </Layout.Sider>
        )}
        <Layout.Content className="shell-content">
          <Space direction="vertical" style={{ width: '100%' }}>
            <ErrorBoundary resetKey={location.pathname}>
              <Outlet />
            </ErrorBoundary>
          </Space>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
