import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

const BookPage = lazy(() => import('./BookPage.tsx'));
const KioskPage = lazy(() => import('./KioskPage.tsx'));
const ScreenPage = lazy(() => import('./ScreenPage.tsx'));
const WindowPage = lazy(() => import('./WindowPage.tsx'));

/** Public: 预约 (phone-sized), the hall's kiosk and its calling screen (full screen, no login). */
export const publicHallRoutes: RouteObject[] = [
  { path: '/book', element: <BookPage /> },
  { path: '/hall/:officeId/kiosk', element: <KioskPage /> },
  { path: '/hall/:officeId/screen', element: <ScreenPage /> },
];

/** Staff: 叫号 at the clerk's window. */
export const hallRoutes: RouteObject[] = [{ path: '/hall/window', element: <WindowPage /> }];
