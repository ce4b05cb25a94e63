import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

const AlertsPage = lazy(() => import('./AlertsPage.tsx'));
const OrdersPage = lazy(() => import('./OrdersPage.tsx'));
const OrderNewPage = lazy(() => import('./OrderNewPage.tsx'));
const CountyCasesPage = lazy(() => import('./CountyCasesPage.tsx'));
const DashboardPage = lazy(() => import('./DashboardPage.tsx'));

/** Staff routes of 电子监察. */
export const supervisionRoutes: RouteObject[] = [
  { path: '/alerts', element: <AlertsPage /> },
  { path: '/supervision/orders', element: <OrdersPage /> },
  { path: '/supervision/orders/new', element: <OrderNewPage /> },
  { path: '/supervision/cases', element: <CountyCasesPage /> },
  { path: '/dashboard', element: <DashboardPage /> },
];
