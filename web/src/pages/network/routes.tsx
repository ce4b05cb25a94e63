import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

const InboxPage = lazy(() => import('./InboxPage.tsx'));
const AgentHomePage = lazy(() => import('./AgentHomePage.tsx'));
const AgentNewPage = lazy(() => import('./AgentNewPage.tsx'));
const CommissionPage = lazy(() => import('./CommissionPage.tsx'));
const CommissionPrintPage = lazy(() => import('./CommissionPrintPage.tsx'));

/** Staff routes of the network: 待签收 (every office), the village agent's pages, commissions. */
export const networkRoutes: RouteObject[] = [
  { path: '/inbox', element: <InboxPage /> },
  { path: '/agent', element: <AgentHomePage /> },
  { path: '/agent/new', element: <AgentNewPage /> },
  { path: '/commissions/:id', element: <CommissionPage /> },
  { path: '/commissions/:id/print', element: <CommissionPrintPage /> },
];
