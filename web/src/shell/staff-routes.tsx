import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { catalogAdminRoutes } from '../pages/catalog-admin/routes.tsx';
import { caseRoutes } from '../pages/cases/routes.tsx';
import { networkRoutes } from '../pages/network/routes.tsx';
import { ratingRoutes } from '../pages/ratings/routes.tsx';
import { supervisionRoutes } from '../pages/supervision/routes.tsx';
import { hallRoutes } from '../pages/hall/routes.tsx';
import { noticeRoutes } from '../pages/notices/routes.tsx';
import { archiveRoutes } from '../pages/archive/routes.tsx';
import { exchangeRoutes } from '../pages/exchange/routes.tsx';

const HomePage = lazy(() => import('./HomePage.tsx'));
const ChangePasswordPage = lazy(() => import('../pages/account/ChangePasswordPage.tsx'));
const TotpEnrolPage = lazy(() => import('../pages/account/TotpEnrolPage.tsx'));
const StaffPage = lazy(() => import('../pages/staff/StaffPage.tsx'));
const AuditPage = lazy(() => import('../pages/audit/AuditPage.tsx'));
const CalendarPage = lazy(() => import('../pages/calendar/CalendarPage.tsx'));

/**
 * Every page under the signed-in staff layout, in one list: App draws them, and the accessibility
 * test walks them all (a page added here is checked by axe without touching the test's list of pages).
 */
export const staffRoutes: RouteObject[] = [
  { path: '/workbench', element: <HomePage /> },
  { path: '/account/password', element: <ChangePasswordPage /> },
  { path: '/account/totp', element: <TotpEnrolPage /> },
  { path: '/staff', element: <StaffPage /> },
  { path: '/audit', element: <AuditPage /> },
  { path: '/calendar', element: <CalendarPage /> },
  ...catalogAdminRoutes,
  ...caseRoutes,
  ...ratingRoutes,
  ...networkRoutes,
  ...supervisionRoutes,
  ...hallRoutes,
  ...noticeRoutes,
  ...archiveRoutes,
  ...exchangeRoutes,
];
