import { useQuery } from '@tanstack/react-query';
import { api } from '../../shell/api.ts';

/** What the local fake SMS provider received (GET /api/notices/demo-inbox), newest first; phones masked. */
export interface DemoText {
  id: string;
  at: string;
  provider: 'aliyun' | 'tencent' | 'webhook';
  phoneMasked: string;
  signName: string;
  templateCode: string;
  text: string;
}
export interface DemoInbox {
  texts: DemoText[];
  refused: Array<{ at: string; reason: string }>;
}

export const noticeKeys = { demoInbox: ['notices', 'demo-inbox'] as const };

export const useDemoInbox = () =>
  useQuery({
    queryKey: noticeKeys.demoInbox,
    queryFn: ({ signal }) => api<DemoInbox>('/api/notices/demo-inbox', { signal }),
    // a text goes out within seconds of the case change: look again now and then
    refetchInterval: 5_000,
    retry: false,
  });
