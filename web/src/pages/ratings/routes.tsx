import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';
import { WithQuery } from './client.tsx';

const PublicRatingPage = lazy(() => import('./PublicRatingPage.tsx'));
const EvaluatorPage = lazy(() => import('./EvaluatorPage.tsx'));
const WindowPage = lazy(() => import('./WindowPage.tsx'));
const TasksPage = lazy(() => import('./TasksPage.tsx'));
const TaskPage = lazy(() => import('./TaskPage.tsx'));
const StatsPage = lazy(() => import('./StatsPage.tsx'));
const DisclosurePage = lazy(() => import('./DisclosurePage.tsx'));
const FeedPage = lazy(() => import('./FeedPage.tsx'));

const q = (el: React.ReactNode) => <WithQuery>{el}</WithQuery>;

/** Public: 评价服务 (from the receipt's QR through the status page). */
export const publicRatingRoutes: RouteObject[] = [
  { path: '/rate/:number', element: q(<PublicRatingPage />) },
  // 六公开: results and monthly ratings
  { path: '/disclosure', element: q(<DisclosurePage />) },
];

/** Full screen, signed in as the window: the evaluator tablet. */
export const evaluatorRoutes: RouteObject[] = [{ path: '/evaluator', element: q(<EvaluatorPage />) }];

/** Staff pages of 好差评. */
export const ratingRoutes: RouteObject[] = [
  { path: '/ratings/window', element: q(<WindowPage />) },
  { path: '/ratings/tasks', element: q(<TasksPage />) },
  { path: '/ratings/tasks/:caseId', element: q(<TaskPage />) },
  { path: '/ratings/stats', element: q(<StatsPage />) },
  { path: '/ratings/feed', element: q(<FeedPage />) },
];
