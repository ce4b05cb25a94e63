/**
 * What a material file may be, without zod: the server's schema (materials-model.ts) and the web's
 * upload controls (checked before a link is asked for) read the same limits.
 */
export const MATERIAL_TYPES = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' } as const;
export type MaterialContentType = keyof typeof MATERIAL_TYPES;

/** One file: 10 MB (a 300 dpi A4 colour scan as JPEG is ~1–3 MB; a multi-page PDF fits). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** One case: 30 files and 100 MB in all (the longest material list of the demo catalog has 12 entries). */
export const MAX_CASE_FILES = 30;
export const MAX_CASE_BYTES = 100 * 1024 * 1024;
