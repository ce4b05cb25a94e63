import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

const CasesPage = lazy(() => import('./CasesPage.tsx'));
const IntakePage = lazy(() => import('./IntakePage.tsx'));
const CaseDetailPage = lazy(() => import('./CaseDetailPage.tsx'));
const PrintPage = lazy(() => import('./PrintPage.tsx'));
const PublicStatusPage = lazy(() => import('./PublicStatusPage.tsx'));

/** Staff routes of 办件. */
export const caseRoutes: RouteObject[] = [
  { path: '/cases', element: <CasesPage /> },
  { path: '/cases/new', element: <IntakePage /> },
  { path: '/cases/:id', element: <CaseDetailPage /> },
  { path: '/cases/:id/print', element: <PrintPage /> },
];

/** Public: the citizen's progress page (the receipt's QR code). */
export const publicCaseRoutes: RouteObject[] = [
  { path: '/status', element: <PublicStatusPage /> },
  { path: '/status/:number', element: <PublicStatusPage /> },
];
