import { useEffect } from 'react';
import { ConfigProvider, message } from 'antd';
import { Outlet } from 'react-router-dom';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useElder } from './elder.tsx';
import { setNotifier } from './notify.ts';

dayjs.locale('zh-cn');

/**
 * Text colours every page shares, dark enough for WCAG 2.1 AA (4.5:1) on white and on the page
 * grey: antd's defaults give links 4.1:1, secondary/placeholder text 3.4:1 and 1.8:1, errors 3.3:1.
 */
const CONTRAST = {
  colorLink: '#0050b3',
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  // error text under a field and danger links (撤回, 删除): antd's #ff4d4f is 3.3:1, this red 5.9:1
  colorError: '#cf1322',
};

/** A table's 暂无数据 is drawn in the disabled grey (1.8:1): readable text instead. */
const COMPONENTS = { Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.62)' } };

/**
 * antd with its theme (长者版: larger type and controls, stronger contrast) for the routes under it.
 * A lazy chunk: the light public pages and the agent's pages never load antd; the staff app does.
 */
export default function AntdTheme() {
  const [elder] = useElder();
  useEffect(() => setNotifier((text) => void message.error(text)), []);
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{
        components: COMPONENTS,
        token: elder
          ? { ...CONTRAST, colorPrimary: '#8e0000', fontSize: 20, controlHeight: 48, colorText: '#000', borderRadius: 4 }
          : { ...CONTRAST, colorPrimary: '#b71c1c', borderRadius: 4 },
      }}
    >
      <Outlet />
    </ConfigProvider>
  );
}
