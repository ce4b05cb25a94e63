import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider, message } from 'antd';
import { QueryClientProvider } from '@tanstack/react-query';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import App from './App.tsx';
import { loadConfig } from './shell/config.ts';
import { SessionProvider } from './shell/session.tsx';
import { createQueryClient } from './shell/query-client.ts';
import { errorText } from './shell/api.ts';
import { ElderProvider, useElder } from './shell/elder.tsx';
import { ErrorBoundary } from './shell/error-boundary.tsx';
import './shell/shell.css';

dayjs.locale('zh-cn');

const queryClient = createQueryClient();

// the last safety net: a rejection no page handled still reaches the user as a message
window.addEventListener('unhandledrejection', (e) => void message.error(errorText(e.reason)));

/**
 * Text colours every page shares, dark enough for WCAG 2.1 AA (4.5:1) on white and on the page
 * grey: antd's defaults give links 4.1:1 and secondary/placeholder text 3.4:1 and 1.8:1.
 */
const CONTRAST = { colorLink: '#0050b3', colorTextTertiary: 'rgba(0, 0, 0, 0.62)', colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)' };

/** antd theme follows 长者版: larger type and controls, stronger contrast. */
const Themed = () => {
  const [elder] = useElder();
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{
        token: elder
          ? { ...CONTRAST, colorPrimary: '#8e0000', fontSize: 20, controlHeight: 48, colorText: '#000', borderRadius: 4 }
          : { ...CONTRAST, colorPrimary: '#b71c1c', borderRadius: 4 },
      }}
    >
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <ErrorBoundary>
            <App />
          </ErrorBoundary>
        </SessionProvider>
      </QueryClientProvider>
    </ConfigProvider>
  );
};

void loadConfig().then((cfg) => {
  document.title = `${cfg.countyName} 便民服务`;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ElderProvider>
        <Themed />
      </ElderProvider>
    </StrictMode>,
  );
});
