import { caseKeys, findKeys, networkKeys, outboxKeys, supervisionKeys } from '../db/keys.ts';
import { addNumbers, cancelledParts, updateWhole, type Item } from '../db/dynamo-kit.ts';
import { tableName } from '../platform/env.ts';
import { ConflictError } from '../errors/domain-errors.ts';
import type { Commission, InboxEntry } from './hops.ts';
import { RUNNING, type CaseRecord } from './model.ts';
import { holderOf } from './access.ts';
import { CASE_CONFLICT, staleVersion } from './conflicts.ts';
import { type CaseWrite } from './ports.ts';

/** The DynamoDB shape of the case context's records and writes (access patterns K1–K10 in shared/db/AccessPatterns.md). */
export const T = (): string => tableName('cases');

export const compact = (day: string): string => day.replaceAll('-', '');

/** A case item carries its own index attributes, derived here and only here on every write. */
export const caseItem = (c: CaseRecord, applicantHash?: string) => ({
  ...caseKeys.case(c.id),
  ...caseKeys.byNumber(c.number),
  ...caseKeys.byOfficeStatus(holderOf(c), c.status, c.acceptedAt ?? c.createdAt, c.id),
  // sparse: only while the promise runs
  ...(RUNNING.includes(c.status) && c.dueAt ? caseKeys.openByDue(c.id, c.dueAt) : {}),
  ...(applicantHash ? caseKeys.byApplicant(applicantHash, c.createdAt) : {}),
  ...c,
});

/** A commission item: K6 (gsi4, the agent's list) and its applicant hash beside the record. */
const commissionItem = (c: Commission, applicantHash?: string) => ({
  ...networkKeys.commission(c.id),
  gsi4pk: networkKeys.commissionsOfAgent(c.agentId).pk,
  gsi4sk: `${c.createdAt}#${c.id}`,
  ...(applicantHash ? { applicantHash } : {}),
  ...c,
});

/** An inbox entry; while it waits it is also in the pending-by-due index (gsi3 PHASE#…). */
const inboxItem = (e: InboxEntry) => ({
  ...networkKeys.inboxEntry(e.officeId, e.kind, e.sentAt, e.refId),
  ...networkKeys.pendingByDue(e.refId, e.dueAt),
  ...e,
});

/** What each transaction item stands for (to read the cancellation reasons back). */
export type Part =
  'case' | 'idempotency' | 'update' | 'event' | 'count' | 'hop-event' | 'inbox' | 'commission-new' | 'commission' | 'find' | 'watch' | 'outbox' | 'audit';
type Planned = Array<{ part: Part; item: Item }>;
const isNew = 'attribute_not_exists(pk)';

const put = (part: Part, Item: Item, ConditionExpression?: string): Planned => [
  { part, item: { Put: { TableName: T(), Item, ...(ConditionExpression ? { ConditionExpression } : {}) } } },
];

/** The supervision snapshot and its look-at; the cards given (supervision's own fields) stay as they are. */
const watchUpdate = (w: Extract<CaseWrite, { op: 'watch' }>) => ({
  TableName: T(),
  Key: supervisionKeys.watch(w.caseId),
  UpdateExpression:
    'SET caseId = :id, #case = :snap, caseVersion = :v, lookAt = :at, gsi3pk = :p, gsi3sk = :s, #rev = if_not_exists(#rev, :zero), #given = if_not_exists(#given, :empty), #counted = if_not_exists(#counted, :empty), #level = if_not_exists(#level, :none)',
  ExpressionAttributeNames: { '#case': 'case', '#rev': 'rev', '#given': 'given', '#counted': 'counted', '#level': 'level' },
  ExpressionAttributeValues: {
    ':id': w.caseId,
    ':snap': w.snapshot,
    ':v': w.caseVersion,
    ':at': w.at,
    ':p': supervisionKeys.lookAt(w.caseId, w.at).gsi3pk,
    ':s': supervisionKeys.lookAt(w.caseId, w.at).gsi3sk,
    ':zero': 0,
    ':empty': {},
    ':none': 'none',
  },
});

/** Each kind of write, as the transaction items that carry it out (with their conditions). */
const PLANS: { [K in CaseWrite['op']]: (w: Extract<CaseWrite, { op: K }>) => Planned } = {
  create: (w) => [
    ...put('case', caseItem(w.case, w.applicantHash), isNew),
    ...put(
      'idempotency',
      {
        ...caseKeys.idempotency(w.idempotency.key),
        caseId: w.case.id,
        bodyHash: w.idempotency.bodyHash,
        expiresAt: Math.floor(w.idempotency.expiresAt.getTime() / 1000),
      },
      isNew,
    ),
  ],
  // a Put, so index attributes that no longer apply (leaving the open set) go with it
  update: (w) => [
    {
      part: 'update',
      item: {
        Put: {
          TableName: T(),
          Item: caseItem(w.case, w.applicantHash),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': w.expectedVersion },
        },
      },
    },
  ],
  event: (w) => put('event', { ...caseKeys.event(w.caseId, w.event.at, w.version), ...w.event }, isNew),
  count: (w) => [{ part: 'count', item: { Update: addNumbers(T(), caseKeys.dailyStats(w.officeId, compact(w.day)), w.add) } }],
  'hop-event': (w) => put('hop-event', { ...caseKeys.forwardEvent(w.caseId, w.event.at, w.hopId), ...w.event }, isNew),
  'inbox-put': (w) => put('inbox', inboxItem(w.entry)),
  'inbox-delete': (w) => [
    { part: 'inbox', item: { Delete: { TableName: T(), Key: networkKeys.inboxEntry(w.entry.officeId, w.entry.kind, w.entry.sentAt, w.entry.refId) } } },
  ],
  find: (w) => put('find', { ...findKeys.entry(w.hash, w.at, w.caseId), caseId: w.caseId }),
  commission: (w) =>
    w.expectedVersion === undefined
      ? put('commission-new', commissionItem(w.commission, w.applicantHash), isNew)
      : // the applicant hash stays as it was written
        [
          {
            part: 'commission',
            item: { Update: updateWhole(T(), networkKeys.commission(w.commission.id), commissionItem(w.commission, w.applicantHash), w.expectedVersion) },
          },
        ],
  watch: (w) => [{ part: 'watch', item: { Update: watchUpdate(w) } }],
  // the stream relays it to its topic's queue (INSERT only): written once, with the change
  // the entry and, beside it, the consumer's progress as first written (not part of what is relayed)
  outbox: (w) => {
    const { progress, ...entry } = w.entry;
    return put('outbox', { ...outboxKeys.entry(entry.topic, entry.subject, entry.id), ...progress, ...entry }, isNew);
  },
};

export const toItems = (w: CaseWrite): Planned => (PLANS[w.op] as (w: CaseWrite) => Planned)(w);

/** Reads DynamoDB's cancellation reasons back into the domain's conflicts. */
export const conflictOf = (parts: readonly Part[], reasons: ReadonlyArray<{ Code?: string | undefined }>): Error | undefined => {
  const { failed, contended } = cancelledParts(parts, reasons);
  if (failed('update') || failed('commission')) return staleVersion();
  if (failed('idempotency')) return new ConflictError(CASE_CONFLICT.keyTaken, '该受理请求编号已使用');
  if (failed('hop-event')) return new ConflictError(CASE_CONFLICT.alreadyApplied, '该转报已处理');
  if (failed('outbox')) return new ConflictError(CASE_CONFLICT.outboxTaken, '该办件的这项后续处理已登记，请刷新后再操作');
  if (contended()) return new ConflictError(CASE_CONFLICT.busy, '系统繁忙，请稍后重试');
  return undefined;
};
