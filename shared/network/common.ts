import { ForbiddenError, RuleError, ValidationError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import type { Scope } from '../platform/scopes.ts';
import type { CaseRecord } from '../cases/model.ts';
import { STATUS_LABELS, type CaseStatus } from '../cases/model.ts';
import { staleVersion } from '../cases/conflicts.ts';
import { type CaseReactions, type CaseWrite, type StoredCase, type TimelineEvent } from '../cases/ports.ts';
import { CASE_ACTIONS, type CaseAction } from '../cases/transitions.ts';
import { officeById, type NetworkOffice } from '../offices/offices.ts';
import type { OfficeDirectory } from '../offices/ports.ts';
import { inTransit } from '../cases/phases.ts';

export const needScope = (p: Principal, scope: Scope): void => {
  if (!hasScope(p, scope)) throw new ForbiddenError();
};

/** The state machine's own checks for a network action: its status, the version the clerk saw, no hop in flight. */
export const checkAction = (action: CaseAction, c: CaseRecord, expectedVersion: number): void => {
  if (c.version !== expectedVersion) throw staleVersion();
  const spec = CASE_ACTIONS[action];
  if (!(spec.from as readonly CaseStatus[]).includes(c.status))
    throw new RuleError('INVALID_STATE', `办件当前为“${STATUS_LABELS[c.status]}”，不能${spec.label}`);
  const moving = inTransit(c);
  if (moving) throw new RuleError('IN_TRANSIT', `${moving}，暂不能${spec.label}`);
};

/** The case as changed, conditional on the version read. */
export const updateWrite = (found: StoredCase, next: CaseRecord): CaseWrite => ({
  op: 'update',
  case: next,
  expectedVersion: found.record.version,
  ...(found.applicantHash ? { applicantHash: found.applicantHash } : {}),
});

/**
 * The update and what the contexts around a case add to it (CasePorts `reactions`): supervision's
 * watch, so the overdue scan looks again and a late 签收, answer or hand-back earns its phase card;
 * the texts to the applicant; the archive's trigger; the province's stage (a 签收 of a 转报).
 */
export const updateWrites = (ports: { reactions: CaseReactions }, found: StoredCase, next: CaseRecord, now: Date): CaseWrite[] => [
  updateWrite(found, next),
  ...ports.reactions(found.record, next, now),
];

/** A timeline event of the version the change made (HTTP side of a hop). */
export const eventWrite = (next: CaseRecord, event: TimelineEvent): CaseWrite => ({ op: 'event', caseId: next.id, version: next.version, event });

export const withParty = (c: CaseRecord, officeId: string): string[] => [...new Set([...(c.parties ?? []), officeId])].filter((o) => o !== c.officeId);

/** The office a case or task is handed to: one of the county's, not the sender, not a village station. */
export const receivingOffice = async (offices: OfficeDirectory, toOfficeId: string, fromOfficeId: string, path = 'toOfficeId'): Promise<NetworkOffice> => {
  const to = await officeById(offices, toOfficeId);
  if (!to) throw new ValidationError('承办机构不存在', [{ path, message: `没有编号为 ${toOfficeId} 的机构` }]);
  if (to.id === fromOfficeId) throw new ValidationError('不能转给本机构', [{ path, message: '请选择其他机构' }]);
  if (to.kind === 'village') throw new ValidationError('村便民服务站只代办，不承办', [{ path, message: '请选择乡镇或县直部门' }]);
  return to;
};
