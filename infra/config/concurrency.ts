import * as z from 'zod';
import { HTTP_FUNCTIONS, type HttpFunctionId } from '../../shared/platform/functions.ts';

/**
 * Reserved concurrency per function group (README "Reserved concurrency"). A reservation is both
 * a floor and a ceiling: the public functions (no sign-in) are capped, so a flood of public
 * requests — say a due-date loop or a scraper — uses at most its own share and cannot starve the
 * windows; sign-in is capped too (a password spray has its own lockout besides); intake and the
 * authorizer in front of every staff route get a floor no other function can take. Every other
 * function shares what the account leaves unreserved. AWS keeps 100 of an account's concurrency
 * unreserved, and every county stack in the same account and region reserves the same again.
 */
export type FunctionGroup = 'public' | 'sign-in' | 'intake' | 'shared';

/** HTTP functions not listed here are in the shared pool. */
const HTTP_GROUPS: Partial<Record<HttpFunctionId, FunctionGroup>> = {
  health: 'public',
  public: 'public',
  'public-status': 'public',
  'public-rating': 'public',
  disclosure: 'public',
  'hall-public': 'public',
  login: 'sign-in',
  cases: 'intake',
};

/** The group of a function by its stack key (`http-<id>`, `authorizer`, `queue-<id>`…). */
export const groupOf = (key: string): FunctionGroup => {
  if (key === 'authorizer') return 'intake';
  return (key.startsWith('http-') ? HTTP_GROUPS[key.slice(5) as HttpFunctionId] : undefined) ?? 'shared';
};

/** What AWS keeps unreserved in every account and region. */
export const UNRESERVED_MINIMUM = 100;

export const concurrencySchema = z
  .object({
    /** Off only for an account whose quota cannot hold the reservations yet (a new account starts low): nothing reserved. */
    reserve: z.boolean().default(true),
    /** The account's Lambda quota "Concurrent executions" in the county's region (Service Quotas). */
    accountLimit: z.number().int().min(0).default(1000),
    /** County stacks deployed in the same account and region (each reserves the same). */
    countiesInAccount: z.number().int().min(1).default(1),
    /** Each public function (catalog, status, rating, disclosure, hall, health): its ceiling. */
    publicPerFunction: z.number().int().min(1).max(200).default(10),
    /** Sign-in: its ceiling. */
    signIn: z.number().int().min(1).max(200).default(5),
    /** Intake (the cases function) and the authorizer, each: their floor. */
    intake: z.number().int().min(1).max(500).default(20),
  })
  .default({ reserve: true, accountLimit: 1000, countiesInAccount: 1, publicPerFunction: 10, signIn: 5, intake: 20 });

export type ConcurrencySettings = z.output<typeof concurrencySchema>;

/** The reserved concurrency of one function, or undefined for the shared pool. */
export const reservedConcurrency = (c: ConcurrencySettings, key: string): number | undefined => {
  if (!c.reserve) return undefined;
  const group = groupOf(key);
  return group === 'public' ? c.publicPerFunction : group === 'sign-in' ? c.signIn : group === 'intake' ? c.intake : undefined;
};

/** What one county stack reserves in all (the authorizer and every HTTP function). */
export const reservedTotal = (c: ConcurrencySettings): number =>
  ['authorizer', ...HTTP_FUNCTIONS.map((f) => `http-${f.id}`)].reduce((sum, key) => sum + (reservedConcurrency(c, key) ?? 0), 0);

/** The config check: the account holds every county's reservations and the unreserved minimum. */
export const checkConcurrency = (c: ConcurrencySettings, issue: (path: (string | number)[], message: string) => void): void => {
  if (!c.reserve) return;
  const needed = reservedTotal(c) * c.countiesInAccount + UNRESERVED_MINIMUM;
  if (needed > c.accountLimit)
    issue(
      ['concurrency', 'accountLimit'],
      `账号并发上限 ${c.accountLimit} 不够：${c.countiesInAccount} 个县区各预留 ${reservedTotal(c)}，另须保留 ${UNRESERVED_MINIMUM} 未预留，共需 ${needed}；请申请提高配额，或暂设 concurrency.reserve 为 false`,
    );
};
