import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Item } from '@shared/catalog/item.ts';
import type { CatalogEntry, ItemVersion } from '@shared/catalog/versions.ts';
import type { ImportBody, ImportReport } from '@shared/catalog/import.ts';
import { ApiError, api, apiUrl, authHeaders, badResponse, download, errorOf, networkError } from '../../shell/api.ts';
import { itemKeys } from '../items/catalog-client.ts';

// the server's report types, as the import use case defines them (type-only: nothing is bundled)
export type { ImportReport, ImportRowReport } from '@shared/catalog/import.ts';

/** Admin catalog API (scope catalog.edit). */
export const adminKeys = {
  all: ['admin-items'] as const,
  list: ['admin-items', 'list'] as const,
  versions: (code: string) => ['admin-items', 'versions', code] as const,
};

/** A catalog change moves the admin list, the item's history and the public search and guides. */
const catalogChanged = (client: QueryClient) =>
  Promise.all([client.invalidateQueries({ queryKey: adminKeys.all }), client.invalidateQueries({ queryKey: itemKeys.all })]);

export const useAdminEntries = () =>
  useQuery({
    queryKey: adminKeys.list,
    queryFn: ({ signal }) => api<{ items: CatalogEntry[]; total: number; catalogVersion: number }>('/api/admin/items', { signal }),
  });

export const useItemVersions = (code: string | undefined) =>
  useQuery({
    queryKey: adminKeys.versions(code ?? ''),
    queryFn: ({ signal }) => api<{ entry: CatalogEntry; versions: ItemVersion[] }>(`/api/admin/items/${encodeURIComponent(code!)}/versions`, { signal }),
    enabled: Boolean(code),
  });

/** Saves a new draft version. `create` refuses a taken code (If-None-Match: *); `baseVersion` is the version edited. */
export const useSaveItem = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ item, create, baseVersion }: { item: Item; create: boolean; baseVersion?: number }) =>
      api<ItemVersion>(`/api/admin/items/${encodeURIComponent(item.code)}`, {
        method: 'PUT',
        json: item,
        headers: {
          ...(create ? { 'if-none-match': '*' } : {}),
          ...(baseVersion ? { 'if-match': `"${baseVersion}"` } : {}),
        },
      }),
    onSuccess: () => catalogChanged(client),
    // the editor puts field errors on its form
    meta: { handlesError: true },
  });
};

export const usePublishItem = (opts: { handlesError?: boolean } = {}) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, version }: { code: string; version?: number }) =>
      api<ItemVersion>(`/api/admin/items/${encodeURIComponent(code)}/publish`, { method: 'POST', json: version ? { version } : {} }),
    onSuccess: () => catalogChanged(client),
    meta: { handlesError: opts.handlesError ?? false },
  });
};

export const useWithdrawItem = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, reason }: { code: string; reason?: string }) =>
      api<CatalogEntry>(`/api/admin/items/${encodeURIComponent(code)}/withdraw`, { method: 'POST', json: reason ? { reason } : {} }),
    onSuccess: () => catalogChanged(client),
  });
};

/** Downloads the export (or the template) as a file. */
export const useExport = () =>
  useMutation({ mutationFn: (scope: 'published' | 'latest' | 'template') => download(`/api/admin/items/export?scope=${scope}`, 'catalog.xlsx') });

export type ImportUpload = ImportBody;

/**
 * Uploads with XMLHttpRequest: unlike fetch it reports upload progress, so a big workbook shows
 * a real progress bar rather than a spinner. Errors are read like every other API answer.
 */
const uploadImport = (body: ImportUpload, onUpload: (fraction: number) => void): Promise<ImportReport> =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('/api/admin/items/import'));
    xhr.setRequestHeader('content-type', 'application/json');
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onUpload(e.loaded / e.total);
    xhr.onerror = () => reject(networkError());
    xhr.onload = () => {
      if (xhr.status === 413) return reject(new ApiError(413, 'PAYLOAD_TOO_LARGE', '文件超过 10 MB：请拆分后分批导入'));
      if (xhr.status < 200 || xhr.status >= 300) return reject(errorOf(xhr.status, xhr.responseText));
      try {
        resolve(JSON.parse(xhr.responseText) as ImportReport);
      } catch {
        reject(badResponse(xhr.status));
      }
    };
    xhr.send(JSON.stringify(body));
  });

/** The import's dry run or commit; a commit that wrote something moves the catalog. */
export const useImport = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, onUpload }: { body: ImportUpload; onUpload: (fraction: number) => void }) => uploadImport(body, onUpload),
    onSuccess: (r) => (r.mode === 'commit' && r.written ? catalogChanged(client) : undefined),
    meta: { handlesError: true },
  });
};

/** What people could not find (a month), the county's own synonyms: search feedback for the admin. */
export interface SearchMissRow {
  query: string;
  zero: number;
  noClick: number;
  lastAt: string;
  handled?: { code: string; name: string; at: string };
}
export interface CountyLexiconBody {
  entries: Array<{ says: string[]; means: string[] }>;
  revision: number;
  updatedAt?: string;
}

export const searchFeedbackKeys = {
  misses: (month: string) => ['admin-items', 'search-misses', month] as const,
  lexicon: ['admin-items', 'lexicon'] as const,
};

export const useSearchMisses = (month: string) =>
  useQuery({
    queryKey: searchFeedbackKeys.misses(month),
    queryFn: ({ signal }) => api<{ month: string; misses: SearchMissRow[] }>(`/api/admin/search-misses?month=${encodeURIComponent(month)}`, { signal }),
  });

/** Adds a 俗称 to an item (published at once as its next version). */
export const useAddAlias = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, alias, month }: { code: string; alias: string; month: string }) =>
      api<{ code: string; version: number; keywords: string[] }>(`/api/admin/items/${encodeURIComponent(code)}/aliases`, {
        method: 'POST',
        json: { alias, month },
      }),
    onSuccess: () => catalogChanged(client),
    meta: { handlesError: true },
  });
};

export const useCountyLexicon = () =>
  useQuery({ queryKey: searchFeedbackKeys.lexicon, queryFn: ({ signal }) => api<CountyLexiconBody>('/api/admin/catalog/lexicon', { signal }) });

export const useSaveCountyLexicon = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CountyLexiconBody) => api<CountyLexiconBody>('/api/admin/catalog/lexicon', { method: 'PUT', json: body }),
    onSuccess: () => catalogChanged(client),
    meta: { handlesError: true },
  });
};
