import { NotFoundError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import type { CaseRecord } from './model.ts';

/**
 * Who sees which case: the whole county for supervisors and the county admin (read only);
 * otherwise the office that took the case or the office it was handed to. Anyone else gets the
 * same 404 as for a case that does not exist — guessing ids reveals nothing.
 */
export const countyWide = (p: Principal): boolean => hasScope(p, 'supervision.read:county') || p.roles.includes('county_admin');

export const canSee = (p: Principal, c: Pick<CaseRecord, 'officeId' | 'handedTo'>): boolean =>
  countyWide(p) || c.officeId === p.officeId || c.handedTo === p.officeId;

/** Acting needs the office itself, never only county-wide reading. */
export const canAct = (p: Principal, c: Pick<CaseRecord, 'officeId' | 'handedTo'>): boolean => c.officeId === p.officeId || c.handedTo === p.officeId;

export const visibleOrNotFound = <C extends Pick<CaseRecord, 'officeId' | 'handedTo'>>(p: Principal, c: C | undefined, act = false): C => {
  if (!c || !(act ? canAct(p, c) : canSee(p, c))) throw new NotFoundError('办件不存在');
  return c;
};
