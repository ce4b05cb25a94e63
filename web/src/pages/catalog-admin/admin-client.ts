import type { Item } from '../../../../shared/catalog/item.ts';
import type { CatalogEntry, ItemVersion } from '../../../../shared/catalog/store.ts';
import { api, ApiError, getToken } from '../../shell/api.ts';
import { runtimeConfig } from '../../shell/config.ts';

const authHeaders = (): Record<string, string> => {
  const token = getToken();
  return token ? { authorization: `Bearer ${token}` } : {};
};
const url = (path: string): string => `${runtimeConfig().apiBaseUrl}${path}`;

/** Admin catalog API (scope catalog.edit), through the shell's API helper (token, base URL, errors). */
export const listEntries = () => api<{ items: CatalogEntry[]; total: number; catalogVersion: number }>('/api/admin/items');
export const listVersions = (code: string) =>
  api<{ entry: CatalogEntry; versions: ItemVersion[] }>(`/api/admin/items/${encodeURIComponent(code)}/versions`);
/** `baseVersion` undefined + create: refuses a taken code (If-None-Match: *). */
export const saveItem = (item: Item, opts: { create: boolean; baseVersion?: number }) =>
  api<ItemVersion>(`/api/admin/items/${encodeURIComponent(item.code)}`, {
    method: 'PUT',
    json: item,
    headers: {
      ...(opts.create ? { 'if-none-match': '*' } : {}),
      ...(opts.baseVersion ? { 'if-match': `"${opts.baseVersion}"` } : {}),
    },
  });
export const publishItem = (code: string, version?: number) =>
  api<ItemVersion>(`/api/admin/items/${encodeURIComponent(code)}/publish`, { method: 'POST', json: version ? { version } : {} });
export const withdrawItem = (code: string, reason?: string) =>
  api<CatalogEntry>(`/api/admin/items/${encodeURIComponent(code)}/withdraw`, { method: 'POST', json: reason ? { reason } : {} });

/** Downloads the export (or the template) as a file. */
export const downloadExport = async (scope: 'published' | 'latest' | 'template'): Promise<void> => {
  const res = await fetch(url(`/api/admin/items/export?scope=${scope}`), { headers: authHeaders() });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new ApiError(res.status, body.error?.code ?? 'ERROR', body.error?.message ?? `导出失败（${res.status}）`);
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? 'catalog.xlsx');
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
};

// the server's report types, as the import use case defines them (type-only: nothing is bundled)
import type { ImportReport } from '../../../../shared/catalog/import.ts';
export type { ImportReport, ImportRowReport } from '../../../../shared/catalog/import.ts';

/**
 * Uploads with XMLHttpRequest: unlike fetch it reports upload progress, so a big workbook shows
 * a real progress bar rather than a spinner.
 */
export const uploadImport = (
  body: { filename: string; contentBase64: string; mode: 'dry-run' | 'commit'; strict: boolean; publish: boolean },
  onUpload: (fraction: number) => void,
): Promise<ImportReport> =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url('/api/admin/items/import'));
    xhr.setRequestHeader('content-type', 'application/json');
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onUpload(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试'));
    xhr.onload = () => {
      let parsed: { error?: { code?: string; message?: string; fields?: Array<{ path: string; message: string }> } } & Partial<ImportReport> = {};
      try {
        parsed = JSON.parse(xhr.responseText) as typeof parsed;
      } catch {
        // fall through to the status message
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as ImportReport);
      else if (xhr.status === 413) reject(new ApiError(413, 'PAYLOAD_TOO_LARGE', '文件超过 10 MB：请拆分后分批导入'));
      else reject(new ApiError(xhr.status, parsed.error?.code ?? 'ERROR', parsed.error?.message ?? `导入失败（${xhr.status}）`, parsed.error?.fields ?? []));
    };
    xhr.send(JSON.stringify(body));
  });
