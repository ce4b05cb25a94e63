import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod';
import type { StaffCaseView } from '@shared/cases/views.ts';
import type { CaseRow as CaseListRow } from '@shared/cases/responses.ts';
import type { CaseDetail, FullIdNumber } from '@shared/cases/queries.ts';
import type { CaseStatus, intakeBody } from '@shared/cases/model.ts';
import type { CaseAction } from '@shared/cases/transitions.ts';
import { api } from '../../shell/api.ts';
import { useCursorList, withCursor } from '../../shell/pager.tsx';

/** The work lists of 办件: every case of the office, a status, or due within 2 working days, or overdue. */
export type CaseListName = CaseStatus | 'all' | 'due_soon' | 'overdue';
export type TimelineEvent = CaseDetail['events'][number];

import { caseKeys } from './keys.ts';

export { caseKeys };

/**
 * One list, a page at a time: the server's `next` cursor fetches the following page (加载更多).
 * Every page that shows a work list (办件, 窗口评价) reads it through here: `caseKeys.list` holds
 * an infinite query's pages and nothing else.
 */
export const useCaseList = (view: CaseListName) =>
  useCursorList({
    queryKey: caseKeys.list(view),
    path: (cursor) => withCursor(`/api/cases?view=${encodeURIComponent(view)}`, cursor),
    fetchPage: (path, signal) => api<{ cases: CaseListRow[]; next?: string }>(path, { signal }),
    rows: (p) => p.cases,
  });

/** A case by its 受理编号, the applicant's name, ID number or phone: keyed-hash look-ups on the server, never a scan. */
export const useCaseSearch = (q: string) =>
  useQuery({
    queryKey: caseKeys.search(q),
    queryFn: ({ signal }) => api<{ cases: CaseListRow[] }>(`/api/cases?q=${encodeURIComponent(q)}`, { signal }),
    enabled: q.length > 0,
    retry: false,
  });

export const useCase = (id: string) =>
  useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => api<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`, { signal }),
    enabled: Boolean(id),
  });

/** A lifecycle action (start, decide, …) on the version the clerk saw; the lists and the case reload. */
export const useCaseAction = (id: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, expectedVersion, values }: { action: CaseAction; expectedVersion: number; values: Record<string, unknown> }) =>
      api<{ case: StaffCaseView }>(`/api/cases/${encodeURIComponent(id)}/${action}`, { method: 'POST', json: { expectedVersion, ...values } }),
    onSuccess: () => client.invalidateQueries({ queryKey: caseKeys.all }),
    // the dialog's form shows field errors itself
    meta: { handlesError: true },
  });
};

/** The full ID number and phone, on an explicit, audited action. */
export const useViewIdNumber = (id: string) =>
  useMutation({ mutationFn: () => api<FullIdNumber>(`/api/cases/${encodeURIComponent(id)}/view-id`, { method: 'POST' }) });

/** What the intake form sends: the server's own schema (it validates again). */
export type IntakeBody = z.input<typeof intakeBody>;

/** 受理: one Idempotency-Key per intake form, so a double click or a retry never makes a second case. */
export const useIntake = (idempotencyKey: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: IntakeBody) =>
      api<{ case: StaffCaseView }>('/api/cases', { method: 'POST', headers: { 'idempotency-key': idempotencyKey }, json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: caseKeys.lists }),
    meta: { handlesError: true },
  });
};

/** A citizen's look-up: the number with the receipt's 查询码 (from its QR) or with the phone's last four digits. */
export { usePublicStatus, type PublicLookup } from './public-queries.ts';
