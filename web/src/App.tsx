import { lazy, Suspense } from 'react';
import { BrowserRouter, HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import { runtimeConfig } from './shell/config.ts';
import { itemRoutes } from './pages/items/routes.tsx';
import { publicCaseRoutes } from './pages/cases/routes.tsx';
import { evaluatorRoutes, publicRatingRoutes } from './pages/ratings/routes.tsx';
import FrontDoorPage from './shell/FrontDoorPage.tsx';
import { publicHallRoutes } from './pages/hall/routes.tsx';
import { staffRoutes } from './shell/staff-routes.tsx';
import { PlainSpin } from './light/ui.tsx';

// Split by audience: a citizen's first load carries the front door and the public pages' own chunks,
// never the staff app (sign-in, layout and menu, workbench), which loads on its first visit. antd and its
// theme come in one lazy layout route (AntdTheme): pages written light (web/src/light) sit outside it.
const AntdTheme = lazy(() => import('./shell/AntdTheme.tsx'));
// The village agent's pages: light, and usable offline (outbox, PIN unlock).
const AgentLayout = lazy(() => import('./light/agent/AgentLayout.tsx'));
const AgentHomePage = lazy(() => import('./light/agent/AgentHomePage.tsx'));
const AgentNewPage = lazy(() => import('./light/agent/AgentNewPage.tsx'));
const OutboxPrintPage = lazy(() => import('./light/agent/OutboxPrintPage.tsx'));
const LoginPage = lazy(() => import('./shell/LoginPage.tsx'));
const StaffLayout = lazy(() => import('./shell/StaffLayout.tsx'));

/** Public pages need no login; staff pages sit under the guarded layout. */
export default function App() {
  const Router = runtimeConfig().routing === 'hash' ? HashRouter : BrowserRouter;
  return (
    <Router>
      <Suspense fallback={<PlainSpin />}>
        <Routes>
          <Route path="/" element={<FrontDoorPage />} />
          <Route element={<AgentLayout />}>
            <Route path="/agent" element={<AgentHomePage />} />
            <Route path="/agent/new" element={<AgentNewPage />} />
            <Route path="/agent/outbox/:id/print" element={<OutboxPrintPage />} />
          </Route>
          {/* a citizen's pages: light (web/src/light), no antd */}
          {[...itemRoutes, ...publicCaseRoutes, ...publicRatingRoutes].map((r) => (
            <Route key={r.path} path={r.path} element={r.element} />
          ))}
          <Route element={<AntdTheme />}>
            <Route path="/login" element={<LoginPage />} />
            {[...evaluatorRoutes, ...publicHallRoutes].map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
            <Route element={<StaffLayout />}>
              {staffRoutes.map((r) => (
                <Route key={r.path} path={r.path} element={r.element} />
              ))}
            </Route>
          </Route>
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </Router>
  );
}
