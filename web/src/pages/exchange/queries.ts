import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod';
import { api } from '../../shell/api.ts';
import type { RejectedDay, RejectedRecord, statusResponse } from '@shared/exchange/schemas.ts';

/** Every key holds every parameter (one day's status is never shown as another's). */
export const exchangeKeys = {
  all: ['exchange'] as const,
  status: (day: string) => ['exchange', 'status', day] as const,
  rejected: (day: string) => ['exchange', 'rejected', day] as const,
};

/** GET /api/exchange/status (the published shape). */
export type ExchangeStatus = z.output<typeof statusResponse>;

/** GET /api/exchange/rejected: a rejected record with what was sent, and the province's own count of the day (the published shape). */
export type { RejectedDay, RejectedRecord };

export const useExchangeStatus = (day: string) =>
  useQuery({
    queryKey: exchangeKeys.status(day),
    queryFn: ({ signal }) => api<ExchangeStatus>(`/api/exchange/status?day=${encodeURIComponent(day)}`, { signal }),
  });

export const useRejectedRecords = (day: string) =>
  useQuery({
    queryKey: exchangeKeys.rejected(day),
    queryFn: ({ signal }) => api<RejectedDay>(`/api/exchange/rejected?day=${encodeURIComponent(day)}`, { signal }),
  });

/** 更正后重发: the corrected 事项编码 (optional) and what was put right; audited on the server. */
export const useResend = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { caseId: string; id: string; itemCode?: string; note: string }) =>
      api<{ record: { status: string; reason?: string } }>(`/api/exchange/records/${encodeURIComponent(v.caseId)}/${encodeURIComponent(v.id)}/resend`, {
        method: 'POST',
        json: { ...(v.itemCode ? { itemCode: v.itemCode } : {}), note: v.note },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: exchangeKeys.all }),
  });
};
