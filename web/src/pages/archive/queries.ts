import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ArchiveSearchResponse, CaseArchiveResponse } from '@shared/archive/responses.ts';
import { api, download } from '../../shell/api.ts';

/** Every key holds every parameter (a year's search is never shown as another's). */
export const archiveKeys = {
  all: ['archive'] as const,
  case: (caseId: string) => ['archive', 'case', caseId] as const,
  search: (year: number, q: string) => ['archive', 'search', { year, q }] as const,
  destruction: ['archive', 'destruction'] as const,
};

/** GET /api/cases/{id}/archive and a row of the county admin's archive lists (GET /api/archive, /api/archive/destruction): the published shapes. */
export type CaseArchive = CaseArchiveResponse['archive'];
export type ArchiveRow = ArchiveSearchResponse['packages'][number];

export const useCaseArchive = (caseId: string) =>
  useQuery({
    queryKey: archiveKeys.case(caseId),
    queryFn: ({ signal }) => api<{ archive: CaseArchive }>(`/api/cases/${encodeURIComponent(caseId)}/archive`, { signal }),
  });

/** 下载档案包 (the download is audited on the server). */
export const useDownloadPackage = () =>
  useMutation({
    mutationFn: (v: { caseId: string; archiveCode: string }) => download(`/api/cases/${encodeURIComponent(v.caseId)}/archive/package`, `${v.archiveCode}.zip`),
  });

export const useArchiveSearch = (year: number, q: string) =>
  useQuery({
    queryKey: archiveKeys.search(year, q),
    queryFn: ({ signal }) => api<{ packages: ArchiveRow[] }>(`/api/archive?year=${year}${q ? `&q=${encodeURIComponent(q)}` : ''}`, { signal }),
  });

export const useDestructionList = () =>
  useQuery({
    queryKey: archiveKeys.destruction,
    queryFn: ({ signal }) => api<{ packages: ArchiveRow[] }>('/api/archive/destruction', { signal }),
  });

/** One county admin's approval; the second, by another admin, deletes the package. */
export const useApproveDestruction = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (caseId: string) => api<{ destroyed: boolean; approvals: number }>('/api/archive/destruction', { method: 'POST', json: { caseId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: archiveKeys.all }),
  });
};

/** 移交: one zip of the year's packages with the 移交清单 (audited). */
export const useTransferExport = () => useMutation({ mutationFn: (year: number) => download(`/api/archive/transfer?year=${year}`, `移交-${year}.zip`) });
