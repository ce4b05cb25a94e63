import { findPublicCase } from '../cases/queries.ts';
import type { CaseRecord } from '../cases/model.ts';
import { NotFoundError } from '../errors/domain-errors.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import type { RatingPorts } from './ports.ts';

export { PUBLIC_GUESSES_PER_DAY as MISSES_PER_DAY } from '../cases/queries.ts';

export const NOT_FOUND_MESSAGE = '未找到该办件，请核对受理编号和手机号后四位';

/**
 * The citizen's key to a case on the rating pages: the very look-up the status page makes (one
 * function): the query code, or the number and phone4 with the day's guess slot taken atomically
 * BEFORE the comparison — counting misses after comparing let a parallel burst overshoot the cap.
 */
export const citizenCase = async (
  ports: Pick<RatingPorts, 'cases' | 'clock'>,
  input: { number: string; phone4?: string | undefined; code?: string | undefined },
  meta: RequestMeta,
): Promise<CaseRecord> => {
  const key = input.code ? { code: input.code } : input.phone4 ? { phone4: input.phone4 } : undefined;
  if (!key) throw new NotFoundError(NOT_FOUND_MESSAGE);
  return findPublicCase(ports, { number: input.number, ...key }, meta);
};
