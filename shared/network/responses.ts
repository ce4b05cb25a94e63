import * as z from 'zod';
import { INBOX_KINDS } from '../cases/hop-labels.ts';

/** A row of 待签收 (`GET /api/inbox`, `GET /api/cases?view=inbox`) as published: something another office handed over. */
const id = z.string().max(100);
const instant = z.string().max(40);

export const inboxRowSchema = z.object({
  kind: z.enum(INBOX_KINDS),
  id,
  caseId: id.optional(),
  commissionId: id.optional(),
  taskId: id.optional(),
  number: z.string().max(50),
  itemName: z.string().max(200),
  applicantName: z.string().max(100).meta({ description: '已脱敏' }),
  title: z.string().max(200).optional(),
  fromOfficeId: id,
  fromOfficeName: z.string().max(200),
  sentAt: instant,
  dueAt: instant,
  late: z.boolean(),
});
export type InboxRowResponse = z.infer<typeof inboxRowSchema>;

export const inboxResponse = z.object({ entries: z.array(inboxRowSchema).max(1000), next: z.string().max(2000).optional() });
export type InboxResponse = z.infer<typeof inboxResponse>;
