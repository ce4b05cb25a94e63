import { timingSafeEqual } from 'node:crypto';
import { chinaDate } from '../calendar/working-days.ts';
import { NotFoundError, TooManyRequestsError } from '../errors/domain-errors.ts';
import type { CaseRecord } from '../cases/model.ts';
import { PUBLIC_LOOKUPS_PER_MINUTE } from '../cases/queries.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import type { RatingPorts } from './store.ts';

/**
 * The citizen's key to a case on the public pages: the number plus the last four phone digits,
 * or the receipt's random query code. Four digits are guessable, so wrong ones are counted per
 * number and China day (shared with the status page): after MISSES_PER_DAY the right four digits
 * are refused too, that day; the query code, being random, keeps working.
 */
export const MISSES_PER_DAY = 10;

export const NOT_FOUND_MESSAGE = '未找到该办件，请核对受理编号和手机号后四位';

/** The security work adds a random query code to new cases; older cases have none. */
const queryCodeOf = (c: CaseRecord): string | undefined => (c as CaseRecord & { queryCode?: string }).queryCode;

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export const citizenCase = async (
  ports: Pick<RatingPorts, 'cases' | 'clock'>,
  input: { number: string; phone4?: string | undefined; code?: string | undefined },
  meta: RequestMeta,
): Promise<CaseRecord> => {
  const now = ports.clock();
  const hits = await ports.cases.hitPublicLookup(meta.sourceIp, now.toISOString().slice(0, 16), new Date(now.getTime() + 300_000));
  if (hits > PUBLIC_LOOKUPS_PER_MINUTE) throw new TooManyRequestsError('TOO_MANY_LOOKUPS', '操作过于频繁，请稍后再试');
  const c = await ports.cases.byNumber(input.number);
  if (input.code) {
    const code = c && queryCodeOf(c);
    if (c && code && sameText(code.toUpperCase(), input.code.toUpperCase())) return c;
    throw new NotFoundError(NOT_FOUND_MESSAGE);
  }
  const day = chinaDate(now);
  // wrong digits, unknown numbers and a number locked for the day all get the very same answer
  if ((await ports.cases.publicMisses(input.number, day)) >= MISSES_PER_DAY) throw new NotFoundError(NOT_FOUND_MESSAGE);
  if (!c || !input.phone4 || !sameText(c.applicant.phone4, input.phone4)) {
    await ports.cases.addPublicMiss(input.number, day, new Date(now.getTime() + 2 * 86_400_000));
    throw new NotFoundError(NOT_FOUND_MESSAGE);
  }
  return c;
};
