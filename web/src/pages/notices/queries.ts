import { useQuery } from '@tanstack/react-query';
import { api } from '../../shell/api.ts';
import type { DemoInbox } from '@shared/notices/demo-inbox.ts';

export type { ReceivedText as DemoText } from '@shared/notices/demo-inbox.ts';

export const noticeKeys = { demoInbox: ['notices', 'demo-inbox'] as const };

export const useDemoInbox = () =>
  useQuery({
    queryKey: noticeKeys.demoInbox,
    queryFn: ({ signal }) => api<DemoInbox>('/api/notices/demo-inbox', { signal }),
    // a text goes out within seconds of the case change: look again now and then
    refetchInterval: 5_000,
    retry: false,
  });
