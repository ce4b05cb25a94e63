import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import App from './App.tsx';
import { loadConfig } from './shell/config.ts';
import { SessionProvider } from './shell/session.tsx';
import { createQueryClient } from './shell/query-client.ts';
import { errorText } from './shell/api.ts';
import { notifyError } from './shell/notify.ts';
import { ElderProvider } from './shell/elder.tsx';
import { ErrorBoundary } from './shell/error-boundary.tsx';
import './shell/shell.css';

// No antd here: the root carries React, the router and the data layer only. antd and its theme load
// with the routes that use them (shell/AntdTheme.tsx), so a citizen's page shows on a village phone fast.
const queryClient = createQueryClient();

// the last safety net: a rejection no page handled still reaches the user as a message
window.addEventListener('unhandledrejection', (e) => notifyError(errorText(e.reason)));

// the app shell for offline use (web/src/sw/sw.ts); not in the dev server, whose modules are not the build's
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}

void loadConfig().then((cfg) => {
  document.title = `${cfg.countyName} 便民服务`;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ElderProvider>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <ErrorBoundary>
              <App />
            </ErrorBoundary>
          </SessionProvider>
        </QueryClientProvider>
      </ElderProvider>
    </StrictMode>,
  );
});
