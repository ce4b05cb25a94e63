import * as z from 'zod';
import { ITEM_KINDS } from '../catalog/item-labels.ts';
import { CASE_STATUSES } from './model.ts';

/** The rows of `GET /api/cases` as published (shared/openapi/responses.ts): the server's answer fits them, the web takes its types from them. */
const id = z.string().max(100);
const instant = z.string().max(40);

/** A row of a work list (names masked). */
export const caseRowSchema = z.object({
  id,
  number: z.string().max(50),
  itemName: z.string().max(200),
  kind: z.enum(ITEM_KINDS),
  status: z.enum(CASE_STATUSES),
  statusLabel: z.string().max(20),
  applicantName: z.string().max(100).meta({ description: '已脱敏' }),
  acceptedAt: instant.optional(),
  dueDate: z.string().max(10).optional(),
  dueAt: instant.optional(),
  officeId: id,
  handedTo: id.optional(),
  handlingOfficeId: id,
  transferPhase: z.string().max(20).optional().meta({ description: '转报的环节（shared/network）' }),
  commissionNumber: z.string().max(50).optional(),
  version: z.number().int().min(0),
});
export type CaseRow = z.infer<typeof caseRowSchema>;
