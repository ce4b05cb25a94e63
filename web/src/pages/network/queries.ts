import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod';
import type { CaseDetail } from '@shared/cases/queries.ts';
import type { StaffCaseView } from '@shared/cases/views.ts';
import type { CommissionRow, CommissionView, getCommission } from '@shared/network/commission-views.ts';
import type { InboxResponse } from '@shared/network/responses.ts';
import type { InboxKind } from '@shared/cases/hop-labels.ts';
import type { networkBodies } from '@shared/network/model.ts';
import { api } from '../../shell/api.ts';
import { caseKeys } from '../cases/keys.ts';
import { todoKeys } from '../todos/queries.ts';

/** Every key holds every parameter; a mutation refreshes the network's lists and the case. */
export const netKeys = {
  all: ['network'] as const,
  inbox: (kind: InboxKind) => ['network', 'inbox', kind] as const,
  counts: ['network', 'counts'] as const,
  mine: ['network', 'mine'] as const,
  commission: (id: string) => ['network', 'commission', id] as const,
};

export const useInbox = (kind: InboxKind, enabled = true) =>
  useQuery({
    queryKey: netKeys.inbox(kind),
    queryFn: ({ signal }) => api<InboxResponse>(`/api/inbox?kind=${kind}`, { signal }),
    enabled,
  });

/** 待签收 counts for the menu: refreshed each minute while the page is open. */
export const useInboxCounts = (enabled: boolean) =>
  useQuery({
    queryKey: netKeys.counts,
    queryFn: ({ signal }) => api<{ counts: Record<InboxKind, number>; total: number }>('/api/inbox/counts', { signal }),
    enabled,
    refetchInterval: 60_000,
  });

export const useMyCommissions = () =>
  useQuery({ queryKey: netKeys.mine, queryFn: ({ signal }) => api<{ commissions: MyCommissionRow[]; next?: string }>('/api/commissions', { signal }) });

/** A row of 我的代办 with where it truly stands (the case's status once taken in). */
export type MyCommissionRow = CommissionRow & { caseStatus?: string; caseVersion?: number; missingMaterials?: string[] };

/** A commission with its case, as the server answers it (one definition: the use case's own result type). */
export type CommissionDetail = Awaited<ReturnType<typeof getCommission>>;
export const useCommission = (id: string) =>
  useQuery({
    queryKey: netKeys.commission(id),
    queryFn: ({ signal }) => api<CommissionDetail>(`/api/commissions/${encodeURIComponent(id)}`, { signal }),
    enabled: Boolean(id),
  });

export { useOffices } from '../../shell/offices.ts';

const useRefresh = () => {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: netKeys.all }),
      client.invalidateQueries({ queryKey: caseKeys.all }),
      // the workbench's to-dos and the menu's counts follow every hop
      client.invalidateQueries({ queryKey: todoKeys.all }),
    ]);
};

/** What the agent's form sends: the server's own schema (it validates again). */
export type CommissionBody = z.input<typeof networkBodies.commission>;

export const useCreateCommission = (idempotencyKey: string) => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CommissionBody) =>
      api<{ commission: CommissionView }>('/api/commissions', { method: 'POST', headers: { 'idempotency-key': idempotencyKey }, json: body }),
    onSuccess: () => refresh(),
    // every caller shows the error itself (on the form's fields, or a message)
    meta: { handlesError: true },
  });
};

/** A POST on the network (转报, 签收, 回复, 交办, 回交, take-in, delivery): the lists and the case reload. */
export const useNetworkPost = <T = unknown>() => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: Record<string, unknown> }) => api<T>(path, { method: 'POST', json: body }),
    onSuccess: () => refresh(),
    // every caller shows the error itself (on the form's fields, or a message)
    meta: { handlesError: true },
  });
};

export type { CaseDetail, StaffCaseView };
