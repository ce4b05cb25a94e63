import { NotFoundError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import type { CaseRecord } from './model.ts';

/**
 * Who sees which case: the whole county for supervisors and the county admin (read only);
 * otherwise the office that took the case, the office it is in the hands of, and the offices the
 * network brought in (the deciding office of a 转报, a task's office, the village station of a
 * commission). Anyone else gets the same 404 as for a case that does not exist — guessing ids
 * reveals nothing.
 */
export const countyWide = (p: Principal): boolean => hasScope(p, 'supervision.read:county') || p.roles.includes('county_admin');

type Held = Pick<CaseRecord, 'officeId' | 'handedTo' | 'handlingOfficeId' | 'parties'>;

/** The office whose hands the case is in: it acts on it and lists it. */
export const holderOf = (c: Pick<CaseRecord, 'officeId' | 'handedTo' | 'handlingOfficeId'>): string => c.handlingOfficeId ?? c.handedTo ?? c.officeId;

export const canSee = (p: Principal, c: Held): boolean =>
  countyWide(p) || c.officeId === p.officeId || holderOf(c) === p.officeId || c.handedTo === p.officeId || (c.parties ?? []).includes(p.officeId);

/** Acting needs the office that holds the case, never only county-wide reading. */
export const canAct = (p: Principal, c: Held): boolean => holderOf(c) === p.officeId;

export const visibleOrNotFound = <C extends Held>(p: Principal, c: C | undefined, act = false): C => {
  if (!c || !(act ? canAct(p, c) : canSee(p, c))) throw new NotFoundError('办件不存在');
  return c;
};
