import type * as z from 'zod';
import type { RouteName } from '../platform/routes.ts';

/**
 * What a route answers, where the OpenAPI document says more than "a JSON object": the published
 * response shapes (zod schemas the web takes its types from), files, other success statuses.
 */
export interface ResponseSpec {
  /** Success status (200). */
  status?: number;
  schema?: z.ZodType;
  /** A file in one of these content types instead of JSON. */
  file?: readonly string[];
  description?: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF = 'application/pdf';
const ZIP = 'application/zip';

export const RESPONSES: Partial<Record<RouteName, ResponseSpec>> = {
  // files
  'audit-export': { file: [XLSX], description: '审计记录 Excel' },
  'items-export': { file: [XLSX], description: '事项目录工作簿（可再导入）' },
  'dashboard-export': { file: [XLSX], description: '电子监察统计 Excel' },
  'ratings-stats-export': { file: [XLSX], description: '好差评统计 Excel' },
  'ratings-feed-download': { file: ['application/x-ndjson', XLSX], description: '好差评上报文件（JSON Lines 或 Excel）' },
  'cases-documents': { file: [PDF], description: '办件文书 PDF' },
  'commissions-document': { file: [PDF], description: '委托代办单 PDF' },
  'cases-archive-package': { file: [ZIP], description: '电子档案包' },
  'archive-transfer': { file: [ZIP], description: '年度移交包与移交清单' },
};
