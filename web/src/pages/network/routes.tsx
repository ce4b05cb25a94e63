import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

const InboxPage = lazy(() => import('./InboxPage.tsx'));
const CommissionPage = lazy(() => import('./CommissionPage.tsx'));
const CommissionPrintPage = lazy(() => import('./CommissionPrintPage.tsx'));

/** Staff routes of the network: 待签收 (every office), commissions (the agent's own pages are light: web/src/light/agent). */
export const networkRoutes: RouteObject[] = [
  { path: '/inbox', element: <InboxPage /> },
  { path: '/commissions/:id', element: <CommissionPage /> },
  { path: '/commissions/:id/print', element: <CommissionPrintPage /> },
];
