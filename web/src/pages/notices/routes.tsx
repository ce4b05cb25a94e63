import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

const DemoInboxPage = lazy(() => import('./DemoInboxPage.tsx'));

/** Staff routes of the notices (告知): what the local fake SMS provider received (演示). */
export const noticeRoutes: RouteObject[] = [{ path: '/notices/demo-inbox', element: <DemoInboxPage /> }];
