import * as z from 'zod';
import { RETENTIONS } from './model.ts';

/**
 * The archive's answers as published (shared/openapi/responses.ts): a case's archive
 * (`GET /api/cases/{id}/archive`) and the county admin's search (`GET /api/archive`). The server's
 * answers fit them (test/unit/openapi/responses.test.ts); the web takes its types from them.
 */
const day = z.string().max(10);
const checks = z.object({
  authenticity: z.boolean().meta({ description: '真实性' }),
  integrity: z.boolean().meta({ description: '完整性' }),
  usability: z.boolean().meta({ description: '可用性' }),
  security: z.boolean().meta({ description: '安全性' }),
});
const approvals = z.array(z.object({ byName: z.string().max(100), at: z.string().max(40) })).max(10);

export const caseArchiveResponse = z.object({
  archive: z.object({
    status: z.enum(['pending', 'archived', 'destroyed']),
    retention: z.enum(RETENTIONS).nullable(),
    archiveDate: day.nullable(),
    retainUntil: day.nullable().optional().meta({ description: '永久保管为 null' }),
    archiveCode: z.string().max(100).optional().meta({ description: '档号' }),
    files: z.array(z.object({ name: z.string().max(300), sha256: z.string().max(64), size: z.number().int().min(0) })).max(1000),
    checks,
    approvals: approvals.optional(),
  }),
});
export type CaseArchiveResponse = z.infer<typeof caseArchiveResponse>;

export const archivePackageRowSchema = z.object({
  caseId: z.string().max(100),
  number: z.string().max(50),
  archiveCode: z.string().max(100),
  itemName: z.string().max(200),
  retention: z.enum(RETENTIONS),
  archiveDate: day,
  retainUntil: day.nullable(),
  checks,
  approvals,
  destroyedAt: z.string().max(40).nullable(),
});
export const archiveSearchResponse = z.object({ packages: z.array(archivePackageRowSchema).max(500) });
export type ArchiveSearchResponse = z.infer<typeof archiveSearchResponse>;
