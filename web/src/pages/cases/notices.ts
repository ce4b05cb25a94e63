import { useQuery } from '@tanstack/react-query';
import type { NoticeView } from '@shared/notices/model.ts';
import { NOTICE_CHANNEL_LABELS, NOTICE_EVENT_LABELS, NOTICE_STATUS_LABELS } from '@shared/notices/model.ts';
import { bjDateTime } from '@shared/platform/beijing-time.ts';
import { api } from '../../shell/api.ts';

/** The texts sent to the applicant (告知 evidence), shown on the case's timeline. */
export const useCaseNotices = (id: string) =>
  useQuery({
    queryKey: ['cases', 'notices', id],
    queryFn: ({ signal }) => api<{ notices: NoticeView[] }>(`/api/cases/${encodeURIComponent(id)}/notices`, { signal }),
    enabled: Boolean(id),
    // a queued text is sent within seconds (or held until 08:00): look again now and then
    refetchInterval: (q) => (q.state.data?.notices.some((n) => n.status === 'queued') ? 10_000 : false),
  });

/** One timeline line: 2026-12-08 10:00 短信告知·受理告知（已发送，139****0001）：【…】… */
export const noticeLine = (n: NoticeView): string =>
  `${bjDateTime(n.at)} ${NOTICE_CHANNEL_LABELS[n.channel]}·${NOTICE_EVENT_LABELS[n.event]}（${NOTICE_STATUS_LABELS[n.status]}，${n.phoneMasked}）：${n.text}${n.reason ? `（${n.reason}）` : ''}`;
