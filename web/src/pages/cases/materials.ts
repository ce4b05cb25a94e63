import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MATERIAL_TYPES, MAX_FILE_BYTES, type MaterialContentType } from '@shared/cases/materials-limits.ts';
import { ApiError, api, networkError } from '../../shell/api.ts';
import { caseKeys } from './keys.ts';

/** A stored file of a case, as GET /api/cases/{id}/materials lists it. */
export interface MaterialFileView {
  materialId: string;
  name: string;
  fileName?: string;
  contentType: MaterialContentType;
  size: number;
  uploadedByName: string;
  storedAt?: string;
  sha256?: string;
}

/** What the file picker accepts: the server's own list (it checks the first bytes again after the upload). */
export const ACCEPT = Object.keys(MATERIAL_TYPES).join(',');

/** The type and size limits, before a link is asked for: the same Chinese messages the server gives. */
export const fileProblem = (file: File): string | undefined => {
  if (!(file.type in MATERIAL_TYPES)) return '只接受 PDF、JPEG 或 PNG 文件';
  if (file.size === 0) return '文件不能为空';
  if (file.size > MAX_FILE_BYTES) return `单个文件不能超过 ${MAX_FILE_BYTES / 1024 / 1024} MB`;
  return undefined;
};

export const fileSize = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** The presigned PUT, with progress (fetch reports none for uploads). The signed headers are sent as given. */
const put = (url: string, headers: Record<string, string>, file: File, onProgress: (pct: number) => void) =>
  new Promise<void>((resolve, reject) => {
    const x = new XMLHttpRequest();
    x.open('PUT', url);
    for (const [k, v] of Object.entries(headers)) x.setRequestHeader(k, v);
    x.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded * 100) / e.total));
    x.onload = () => (x.status >= 200 && x.status < 300 ? resolve() : reject(new ApiError(x.status, 'UPLOAD_FAILED', `文件上传失败（${x.status}），请重试`)));
    x.onerror = () => reject(networkError());
    x.send(file);
  });

/**
 * One material file: a link for it (its place in the case's caps taken), the PUT straight to the
 * bucket, then the server's check of its first bytes. Any step's refusal is an ApiError with the
 * Chinese message (and field) the server gave.
 */
export const uploadMaterial = async (caseId: string, name: string, file: File, onProgress: (pct: number) => void): Promise<MaterialFileView> => {
  const problem = fileProblem(file);
  if (problem) throw new ApiError(400, 'VALIDATION', problem, [{ path: file.type in MATERIAL_TYPES ? 'size' : 'contentType', message: problem }]);
  const base = `/api/cases/${encodeURIComponent(caseId)}/materials`;
  const { upload } = await api<{ upload: { url: string; headers: Record<string, string>; materialId: string } }>(`${base}/uploads`, {
    method: 'POST',
    json: { name, contentType: file.type, size: file.size, fileName: file.name.slice(0, 200) },
  });
  await put(upload.url, upload.headers, file, onProgress);
  const { material } = await api<{ material: MaterialFileView }>(`${base}/${upload.materialId}/confirm`, { method: 'POST' });
  return material;
};

export const useCaseMaterials = (caseId: string) =>
  useQuery({
    queryKey: caseKeys.materials(caseId),
    queryFn: ({ signal }) => api<{ materials: MaterialFileView[] }>(`/api/cases/${encodeURIComponent(caseId)}/materials`, { signal }),
  });

/** Uploads on the case page; the list (and the archive, which holds the files) reload after each. */
export const useUploadMaterial = (caseId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { name: string; file: File; onProgress: (pct: number) => void }) => uploadMaterial(caseId, v.name, v.file, v.onProgress),
    onSettled: () => client.invalidateQueries({ queryKey: caseKeys.materials(caseId) }),
    // the row shows its own error
    meta: { handlesError: true },
  });
};

/** 查看: the audited one-minute link (the audit event is written before it is given), opened as a download. */
export const useViewMaterial = (caseId: string) =>
  useMutation({
    mutationFn: async (materialId: string) => {
      const { url } = await api<{ url: string }>(`/api/cases/${encodeURIComponent(caseId)}/materials/${encodeURIComponent(materialId)}/view`, {
        method: 'POST',
      });
      const a = Object.assign(document.createElement('a'), { href: url, target: '_blank', rel: 'noopener' });
      document.body.appendChild(a);
      a.click();
      a.remove();
    },
  });
