import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

/** Public routes of the catalog (no login): 事项查询 and 办事指南. */
const ItemSearchPage = lazy(() => import('./ItemSearchPage.tsx'));
const ItemGuidePage = lazy(() => import('./ItemGuidePage.tsx'));

export const itemRoutes: RouteObject[] = [
  { path: '/items', element: <ItemSearchPage /> },
  { path: '/items/:code', element: <ItemGuidePage /> },
];
