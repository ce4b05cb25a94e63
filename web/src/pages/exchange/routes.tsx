import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

const ExchangePage = lazy(() => import('./ExchangePage.tsx'));

/** The county admin's 省平台对接. */
export const exchangeRoutes: RouteObject[] = [{ path: '/exchange', element: <ExchangePage /> }];
