import type { ComponentType } from 'react';
import type { Scope } from '@shared/platform/scopes.ts';
import { UnreadBadge } from '../pages/supervision/UnreadBadge.tsx';
import { AllTodosCount, OrderTodosCount, RectifyTodosCount } from '../pages/todos/TodoCounts.tsx';

export { ROLE_LABELS } from '@shared/platform/scopes.ts';

/**
 * The staff menu, in one list: each entry names the scope it needs (none = every signed-in user).
 * To add a page: add its routes in App.tsx and an entry here.
 */
export interface NavEntry {
  path: string;
  label: string;
  scope?: Scope;
  /** Show the count of what waits in the office's inbox, of these kinds. */
  badge?: ReadonlyArray<'case' | 'task' | 'commission' | 'handback'>;
  /** Shown in place of the label, e.g. with a count (预警 and its unread alerts). */
  counter?: ComponentType<{ label: string }>;
  /** Only in the local demo (`demo` in /config.json): e.g. what the fake SMS provider received. */
  demoOnly?: boolean;
}

export const NAV: NavEntry[] = [
  { path: '/workbench', label: '工作台', counter: AllTodosCount },
  { path: '/cases', label: '办件', scope: 'case.read' },
  { path: '/cases/new', label: '受理', scope: 'case.accept' },
  { path: '/hall/window', label: '叫号', scope: 'case.accept' },
  { path: '/inbox', label: '待签收', scope: 'case.handle', badge: ['case', 'task', 'commission'] },
  { path: '/agent/new', label: '代办登记', scope: 'commission.create' },
  { path: '/agent', label: '我的代办', scope: 'commission.create', badge: ['handback'] },
  { path: '/items', label: '事项查询' },
  { path: '/catalog-admin', label: '事项管理', scope: 'catalog.edit' },
  { path: '/catalog-admin/import', label: '事项导入', scope: 'catalog.edit' },
  { path: '/catalog-admin/search-misses', label: '搜索未命中', scope: 'catalog.edit' },
  { path: '/staff', label: '人员管理', scope: 'user.manage:my-office' },
  { path: '/alerts', label: '预警', scope: 'alert.read', counter: UnreadBadge },
  { path: '/supervision/orders', label: '督办', scope: 'alert.read', counter: OrderTodosCount },
  { path: '/supervision/cases', label: '全县办件', scope: 'supervision.read:county' },
  { path: '/dashboard', label: '数据看板', scope: 'alert.read' },
  { path: '/audit', label: '审计记录', scope: 'audit.read' },
  { path: '/archive', label: '电子档案', scope: 'archive.manage' },
  { path: '/ratings/window', label: '窗口评价', scope: 'rating.evaluate' },
  { path: '/ratings/tasks', label: '差评整改', scope: 'rating.stats', counter: RectifyTodosCount },
  { path: '/ratings/stats', label: '好差评统计', scope: 'rating.stats' },
  { path: '/ratings/feed', label: '省级上报', scope: 'rating.feed' },
  { path: '/exchange', label: '省平台对接', scope: 'exchange.manage' },
  { path: '/calendar', label: '工作日历' },
  { path: '/notices/demo-inbox', label: '短信（演示）', scope: 'case.read', demoOnly: true },
  { path: '/account/password', label: '修改密码' },
];

/** The entries a person may open: their scopes, and the demo's own pages only in the demo. */
export const navFor = (can: (s: Scope) => boolean, demo: boolean): NavEntry[] => NAV.filter((n) => (!n.scope || can(n.scope)) && (!n.demoOnly || demo));
