import { useMutation, useQuery } from '@tanstack/react-query';
import { bjDate } from '@shared/platform/beijing-time.ts';
import type { AuditEvent } from '@shared/audit/audit.ts';
import { api, download } from '../../shell/api.ts';

export type { AuditEvent };

/** The filters as the API reads them (the query string is the key: every filter is in it). */
export const useAuditEvents = (query: string) =>
  useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api<{ events: AuditEvent[]; truncated: boolean }>(`/api/audit?${query}`, { signal }),
  });

/** 导出 Excel (the export is itself audited). */
export const useAuditExport = () =>
  useMutation({ mutationFn: (query: string) => download(`/api/audit/export?${query}`, `审计记录-${bjDate(new Date())}.xlsx`) });
