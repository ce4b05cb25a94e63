import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

const AlertsPage = lazy(() => import('./AlertsPage.tsx'));

/** Staff routes of 电子监察. */
export const supervisionRoutes: RouteObject[] = [{ path: '/alerts', element: <AlertsPage /> }];
