import type { Principal } from '../identity/principal.ts';
import { INBOX_KINDS, type InboxKind } from '../cases/hop-labels.ts';
import { type InboxEntry } from '../cases/hops.ts';
import { needScope } from './common.ts';
import { officeNames } from '../offices/offices.ts';
import type { NetworkPorts } from './ports.ts';
import { listCases, type listQuery } from '../cases/queries.ts';
import type * as z from 'zod';

/**
 * 待签收: what other offices handed to the caller's office and nobody here has signed for yet —
 * cases (转报/交办), tasks, commissions from the village stations, results handed back to a
 * station. Read from the office's own inbox partition, never by scanning cases.
 */
type Ports = Pick<NetworkPorts, 'cases' | 'offices' | 'clock'>;

export const inboxRow = (e: InboxEntry, name: (id: string) => string, now: Date) => ({
  kind: e.kind,
  id: e.caseId ?? e.commissionId ?? e.refId,
  caseId: e.caseId,
  commissionId: e.commissionId,
  taskId: e.taskId,
  number: e.number,
  itemName: e.itemName,
  applicantName: e.applicantName,
  title: e.title,
  fromOfficeId: e.fromOfficeId,
  fromOfficeName: name(e.fromOfficeId),
  sentAt: e.sentAt,
  dueAt: e.dueAt,
  late: now.toISOString() > e.dueAt,
});
export type InboxRow = ReturnType<typeof inboxRow>;

export const listInbox = async (ports: Ports, p: Principal, input: { kind: InboxKind; cursor?: string | undefined; limit?: number }) => {
  needScope(p, 'case.read');
  const page = await ports.cases.inbox(p.officeId, input.kind, { limit: input.limit ?? 50, ...(input.cursor ? { cursor: input.cursor } : {}) });
  const name = await officeNames(ports.offices);
  const now = ports.clock();
  return { entries: page.entries.map((e) => inboxRow(e, name, now)), ...(page.cursor ? { next: page.cursor } : {}) };
};

/**
 * GET /api/cases: the cases' own lists, and 待签收 (`view=inbox`): the cases handed to the caller's
 * office and not yet signed, read from its inbox (never a scan).
 */
export const listWork = async (ports: Ports & Parameters<typeof listCases>[0], p: Principal, q: z.output<typeof listQuery>) => {
  if (q.q || q.view !== 'inbox') return listCases(ports, p, q);
  const r = await listInbox(ports, p, { kind: 'case', cursor: q.cursor });
  return { cases: r.entries, ...(r.next ? { next: r.next } : {}) };
};

/** The counts in the menu. */
export const inboxCounts = async (ports: Pick<NetworkPorts, 'cases'>, p: Principal): Promise<{ counts: Record<InboxKind, number>; total: number }> => {
  needScope(p, 'session');
  const counts = await ports.cases.inboxCounts(p.officeId);
  return { counts, total: INBOX_KINDS.reduce((n, k) => n + counts[k], 0) };
};
