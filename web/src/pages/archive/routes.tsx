import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

const ArchivePage = lazy(() => import('./ArchivePage.tsx'));

/** The county admin's 电子档案. */
export const archiveRoutes: RouteObject[] = [{ path: '/archive', element: <ArchivePage /> }];
