import { NotFoundError } from '../errors/domain-errors.ts';
import type { Principal } from '../identity/principal.ts';
import { countyWide } from '../cases/access.ts';
import { STATUS_LABELS } from '../cases/model.ts';
import { officeNames } from '../offices/offices.ts';
import { needScope } from './common.ts';
import { COMMISSION_STATUS_LABELS, commissionProgressLabel } from '../cases/hop-labels.ts';
import { type Commission } from '../cases/hops.ts';
import { commissionLate } from '../cases/phases.ts';
import type { NetworkPorts } from './ports.ts';

/**
 * What each reader sees of a commission (全程代办; the steps are in commissions.ts): the station,
 * its township and the county-wide readers; the agent's own list with the case's true status.
 */
type Ports = Pick<NetworkPorts, 'cases' | 'clock' | 'offices'>;

/** Who sees a commission: its station, its township, the county-wide readers. */
const visibleCommission = (p: Principal, k: Commission | undefined): Commission => {
  if (!k || !(k.stationId === p.officeId || k.townshipId === p.officeId || countyWide(p))) throw new NotFoundError('代办件不存在');
  return k;
};

export const commissionView = (k: Commission, now: Date) => {
  const { applicant, findHashes: _f, ...rest } = k;
  const { sealed: _s, phone4: _p, ...shown } = applicant;
  return { ...rest, applicant: shown, statusLabel: COMMISSION_STATUS_LABELS[k.status], late: commissionLate(k, now) };
};
export type CommissionView = ReturnType<typeof commissionView>;

export const commissionRow = (k: Commission, now: Date) => ({
  id: k.id,
  number: k.number,
  itemName: k.itemName,
  applicantName: k.applicant.nameMasked,
  status: k.status,
  statusLabel: COMMISSION_STATUS_LABELS[k.status],
  createdAt: k.createdAt,
  caseNumber: k.caseNumber,
  late: commissionLate(k, now),
  version: k.version,
});
export type CommissionRow = ReturnType<typeof commissionRow>;

export const getCommission = async (ports: Pick<Ports, 'cases' | 'clock' | 'offices'>, p: Principal, input: { id: string }) => {
  needScope(p, 'case.read');
  const k = visibleCommission(p, (await ports.cases.commission(input.id))?.commission);
  const c = k.caseId ? (await ports.cases.get(k.caseId))?.record : undefined;
  const name = await officeNames(ports.offices);
  return {
    commission: {
      ...commissionView(k, ports.clock()),
      statusLabel: commissionProgressLabel(k.status, c?.status),
      stationName: name(k.stationId),
      townshipName: name(k.townshipId),
    },
    case: c
      ? {
          id: c.id,
          number: c.number,
          status: c.status,
          statusLabel: STATUS_LABELS[c.status],
          version: c.version,
          handBack: c.handBack,
          decision: c.decision,
          notAccepted: c.notAccepted,
          // 一次性告知: what the township found missing, for the agent to bring
          missingMaterials: c.status === 'awaiting_supplement' ? c.missingMaterials : [],
        }
      : undefined,
  };
};

/** 我的代办: the agent's commissions, newest first, paged. */
export const myCommissions = async (ports: Pick<Ports, 'cases' | 'clock'>, p: Principal, input: { cursor?: string | undefined; limit?: number }) => {
  needScope(p, 'commission.create');
  const page = await ports.cases.commissionsOfAgent(p.userId, { limit: input.limit ?? 30, ...(input.cursor ? { cursor: input.cursor } : {}) });
  const now = ports.clock();
  // the true status of what was taken in is the case's (待补正, 不予受理…): one read per case on the page
  const cases = await Promise.all(page.commissions.map((k) => (k.status === 'taken_in' && k.caseId ? ports.cases.get(k.caseId) : undefined)));
  return {
    commissions: page.commissions.map((k, i) => {
      const c = cases[i]?.record;
      return {
        ...commissionRow(k, now),
        statusLabel: commissionProgressLabel(k.status, c?.status),
        // the case's version: a supplement recorded offline says what it was based on (a 409 if the case moved on)
        ...(c ? { caseStatus: c.status, caseVersion: c.version, missingMaterials: c.status === 'awaiting_supplement' ? c.missingMaterials : [] } : {}),
      };
    }),
    ...(page.cursor ? { next: page.cursor } : {}),
  };
};
