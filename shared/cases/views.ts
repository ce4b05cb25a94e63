import { STATUS_LABELS, type CaseRecord } from './model.ts';
import { holderOf } from './access.ts';

/** What staff see: personal data masked (the full ID only through the audited view-id action). */
export const staffView = (c: CaseRecord) => {
  const { applicant, ...rest } = c;
  const { sealed: _sealed, phone4: _p4, ...shown } = applicant;
  return { ...rest, handlingOfficeId: holderOf(c), statusLabel: STATUS_LABELS[c.status], applicant: shown };
};

/** A row of a work list: the name masked too. */
export const listView = (c: CaseRecord) => ({
  id: c.id,
  number: c.number,
  itemName: c.itemName,
  kind: c.kind,
  status: c.status,
  statusLabel: STATUS_LABELS[c.status],
  applicantName: c.applicant.nameMasked,
  acceptedAt: c.acceptedAt,
  dueDate: c.dueDate,
  dueAt: c.dueAt,
  officeId: c.officeId,
  handedTo: c.handedTo,
  handlingOfficeId: holderOf(c),
  transferPhase: c.transfer?.phase,
  commissionNumber: c.commission?.number,
  version: c.version,
});

/** The citizen's status page: no ids, masked name, dates. */
export const publicView = (c: CaseRecord) => ({
  number: c.number,
  itemName: c.itemName,
  status: c.status,
  statusLabel: STATUS_LABELS[c.status],
  applicantName: c.applicant.nameMasked,
  acceptedAt: c.acceptedAt,
  dueDate: c.dueDate,
  decidedAt: c.decision?.at,
  result: c.decision?.result,
  missingMaterials: c.status === 'awaiting_supplement' ? c.missingMaterials : [],
});

export type StaffCaseView = ReturnType<typeof staffView>;
export type CaseListRow = ReturnType<typeof listView>;
export type PublicCaseView = ReturnType<typeof publicView>;
