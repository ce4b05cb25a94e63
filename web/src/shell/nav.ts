import type { ComponentType } from 'react';
import { UnreadBadge } from '../pages/supervision/UnreadBadge.tsx';

/**
 * The staff menu, in one list: each entry names the scope it needs (none = every signed-in user).
 * To add a page: add its routes in App.tsx and an entry here.
 */
export interface NavEntry {
  path: string;
  label: string;
  scope?: string;
  /** Shown in place of the label, e.g. with a count (预警 and its unread alerts). */
  badge?: ComponentType<{ label: string }>;
}

export const NAV: NavEntry[] = [
  { path: '/', label: '工作台' },
  { path: '/cases', label: '办件', scope: 'case.read' },
  { path: '/cases/new', label: '受理', scope: 'case.accept' },
  { path: '/items', label: '事项查询' },
  { path: '/catalog-admin', label: '事项管理', scope: 'catalog.edit' },
  { path: '/catalog-admin/import', label: '事项导入', scope: 'catalog.edit' },
  { path: '/staff', label: '人员管理', scope: 'user.manage:my-office' },
  { path: '/alerts', label: '预警', scope: 'alert.read', badge: UnreadBadge },
  { path: '/supervision/orders', label: '督办', scope: 'alert.read' },
  { path: '/supervision/cases', label: '全县办件', scope: 'supervision.read:county' },
  { path: '/dashboard', label: '数据看板', scope: 'alert.read' },
  { path: '/audit', label: '审计记录', scope: 'audit.read' },
  { path: '/calendar', label: '工作日历' },
  { path: '/account/password', label: '修改密码' },
];

export const ROLE_LABELS: Record<string, string> = {
  village_agent: '村代办员',
  window_clerk: '窗口人员',
  center_head: '中心负责人',
  county_admin: '县政务服务管理局',
  supervisor: '监察/督查',
};
