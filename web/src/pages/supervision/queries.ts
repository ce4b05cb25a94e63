import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlertView } from '@shared/supervision/alert.ts';
import type { Digest } from '@shared/supervision/ports.ts';
import type { AccountabilityEntry, Order, OrderState } from '@shared/supervision/order.ts';
import type { CaseRow as CaseListRow } from '@shared/cases/responses.ts';
import type { Dashboard } from '@shared/supervision/dashboard.ts';
import { api, download } from '../../shell/api.ts';

/** Every key holds every parameter. */
export const supervisionKeys = {
  alerts: ['alerts'] as const,
  alertList: (f: AlertFilters) => ['alerts', 'list', f] as const,
  unread: ['alerts', 'unread'] as const,
  digest: ['alerts', 'digest'] as const,
};

export interface AlertFilters {
  state?: 'unread' | 'acked';
  card?: 'yellow' | 'red';
  officeId?: string;
  caseId?: string;
  cursor?: string;
}

const qs = (f: object) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const useAlerts = (f: AlertFilters) =>
  useQuery({
    queryKey: supervisionKeys.alertList(f),
    queryFn: ({ signal }) => api<{ alerts: AlertView[]; next?: string }>(`/api/alerts${qs(f)}`, { signal }),
    placeholderData: keepPreviousData,
  });

/** The menu badge: refreshed every minute while the app is open. */
export const useUnreadCount = (enabled: boolean) =>
  useQuery({
    queryKey: supervisionKeys.unread,
    queryFn: ({ signal }) => api<{ unread: number; cap: number }>('/api/alerts/unread-count', { signal }),
    enabled,
    refetchInterval: 60_000,
  });

export const useDigest = () =>
  useQuery({
    queryKey: supervisionKeys.digest,
    queryFn: ({ signal }) => api<{ digest: Omit<Digest, 'audience' | 'deliveries'> | null }>('/api/alerts/digest', { signal }),
  });

export const useAck = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<{ alert: AlertView }>(`/api/alerts/${encodeURIComponent(id)}/ack`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: supervisionKeys.alerts }),
  });
};

/** The county's offices: the shell's one office query. */
export { useOffices } from '../../shell/offices.ts';

export const orderKeys = {
  all: ['orders'] as const,
  list: (f: { state?: OrderState; officeId?: string }) => ['orders', 'list', f] as const,
  accountability: ['orders', 'accountability'] as const,
};

export const useOrders = (f: { state?: OrderState; officeId?: string }) =>
  useQuery({
    queryKey: orderKeys.list(f),
    queryFn: ({ signal }) => api<{ orders: Order[] }>(`/api/supervision/orders${qs(f)}`, { signal }),
    placeholderData: keepPreviousData,
  });

export const useAccountability = () =>
  useQuery({
    queryKey: orderKeys.accountability,
    queryFn: ({ signal }) => api<{ entries: AccountabilityEntry[] }>('/api/supervision/accountability', { signal }),
  });

export const useIssueOrder = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { caseId: string; requirement: string; deadlineWorkdays: number }) =>
      api<{ order: Order }>('/api/supervision/orders', { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: orderKeys.all }),
  });
};

export const useRespond = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, response }: { id: string; response: string }) =>
      api<{ order: Order }>(`/api/supervision/orders/${encodeURIComponent(id)}/respond`, { method: 'POST', json: { response } }),
    onSuccess: () => client.invalidateQueries({ queryKey: orderKeys.all }),
  });
};

export const useCountyCases = (f: { view: string; officeId?: string; cursor?: string }) =>
  useQuery({
    queryKey: ['county-cases', f] as const,
    queryFn: ({ signal }) => api<{ cases: CaseListRow[]; next?: string }>(`/api/supervision/cases${qs(f)}`, { signal }),
    placeholderData: keepPreviousData,
  });

export const useDashboard = (f: { from?: string; to?: string; officeId?: string }) =>
  useQuery({
    queryKey: ['dashboard', f] as const,
    queryFn: ({ signal }) => api<Dashboard>(`/api/dashboard${qs(f)}`, { signal }),
    placeholderData: keepPreviousData,
  });

/** Downloads the dashboard workbook with the session token. */
export const downloadDashboard = (f: { from?: string; to?: string; officeId?: string }): Promise<void> =>
  download(`/api/dashboard/export${qs(f)}`, '电子监察统计.xlsx');
