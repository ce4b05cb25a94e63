import * as z from 'zod';
import { MATERIAL_TYPES, MAX_FILE_BYTES, type MaterialContentType } from './materials-limits.ts';

/**
 * Materials as files (scans from a 高拍仪 or scanner, photos from the agent's phone): uploaded
 * straight to the materials bucket through a presigned PUT, checked by their first bytes after the
 * upload, encrypted at rest with the county's data key (the bucket's default), listed on the case.
 * The ticks of 全部收齐 (`materialsReceived`) stay as they are: a case needs no file to go on.
 */

export { MATERIAL_TYPES, MAX_CASE_BYTES, MAX_CASE_FILES, MAX_FILE_BYTES, type MaterialContentType } from './materials-limits.ts';
/** How long a presigned upload or download link lives. */
export const UPLOAD_URL_SECONDS = 900;
export const VIEW_URL_SECONDS = 60;

export const uploadBody = z.object({
  /** The material this file is of (a name of the item's material list, or what the clerk calls it). */
  name: z.string().trim().min(1, '请填写材料名称').max(100, '材料名称不能超过 100 字'),
  contentType: z.enum(Object.keys(MATERIAL_TYPES) as [MaterialContentType, ...MaterialContentType[]], {
    error: '只接受 PDF、JPEG 或 PNG 文件',
  }),
  size: z
    .number({ error: '请提供文件大小（字节）' })
    .int('文件大小须为整数')
    .min(1, '文件不能为空')
    .max(MAX_FILE_BYTES, `单个文件不能超过 ${MAX_FILE_BYTES / 1024 / 1024} MB`),
  /** The original file name, shown in the list and in the archive. */
  fileName: z.string().trim().min(1).max(200, '文件名不能超过 200 字').optional(),
  /**
   * Chosen by the client so a queued action (the agent's offline outbox) can send the same request
   * again and get the same material, not a second one.
   */
  materialId: z.string().uuid('材料编号有误').optional(),
});
export type UploadInput = z.output<typeof uploadBody>;

export const materialParams = z.object({ id: z.string().uuid('办件编号有误'), materialId: z.string().uuid('材料编号有误') });

export type MaterialStatus = 'pending' | 'stored' | 'refused';

/** A file of a case's materials, as stored (`pk=CASE#<id>, sk=FILE#<materialId>`). */
export interface MaterialFile {
  caseId: string;
  materialId: string;
  name: string;
  fileName?: string;
  contentType: MaterialContentType;
  size: number;
  key: string;
  status: MaterialStatus;
  uploadedBy: string;
  uploadedByName: string;
  createdAt: string;
  storedAt?: string;
  sha256?: string;
}

/** The key of a material's object in the materials bucket. */
export const materialKey = (caseId: string, materialId: string): string => `cases/${caseId}/materials/${materialId}`;

/**
 * What a file's first bytes say it is (its "magic"), whatever it was called: a renamed .exe or a
 * Word file declared as PDF is refused.
 */
export const sniffType = (head: Uint8Array): MaterialContentType | undefined => {
  const starts = (...b: number[]) => b.every((x, i) => head[i] === x);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return undefined;
};
export const SNIFF_BYTES = 8;
