import { timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { ForbiddenError, NotFoundError, TooManyRequestsError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { addWorkdays, chinaDate, endOfChinaDay } from '../calendar/working-days.ts';
import { countyWide, visibleOrNotFound } from './access.ts';
import { caseAudit } from './commit.ts';
import { CASE_STATUSES, type CaseRecord } from './model.ts';
import type { CasePorts } from './store.ts';
import { listView, publicView, staffView } from './views.ts';

export const listQuery = z.object({
  view: z.enum([...CASE_STATUSES, 'due_soon', 'overdue'], { error: '列表类型无效' }).default('accepted'),
  officeId: z.string().optional(),
});

const needScope = (p: Principal, scope: Parameters<typeof hasScope>[1]) => {
  if (!hasScope(p, scope)) throw new ForbiddenError();
};

/** Working days ahead that make a case "due soon". */
const DUE_SOON_WORKDAYS = 2;

/** 办件 lists of an office: by status, or due within 2 working days / overdue (open cases only). */
export const listCases = async (ports: Pick<CasePorts, 'cases' | 'calendar' | 'clock'>, p: Principal, q: z.output<typeof listQuery>) => {
  needScope(p, 'case.read');
  // county-wide readers may look at any office; everyone else at their own
  const officeId = q.officeId && countyWide(p) ? q.officeId : p.officeId;
  if (q.view !== 'due_soon' && q.view !== 'overdue') return { cases: (await ports.cases.ofOffice(officeId, q.view)).cases.map(listView) };
  const now = ports.clock();
  const nowIso = now.toISOString();
  const horizon = q.view === 'overdue' ? nowIso : endOfChinaDay(addWorkdays(chinaDate(now), DUE_SOON_WORKDAYS, (await ports.calendar()).cal).dueDate);
  const open = await ports.cases.openDueBy(officeId, horizon);
  return { cases: open.filter((c) => (q.view === 'overdue' ? c.dueAt! < nowIso : c.dueAt! >= nowIso)).map(listView) };
};

export const getCase = async (ports: Pick<CasePorts, 'cases'>, p: Principal, input: { id: string }) => {
  needScope(p, 'case.read');
  const c = visibleOrNotFound(p, (await ports.cases.get(input.id))?.record);
  return { case: staffView(c), events: await ports.cases.events(input.id) };
};

/** The full ID number, only on an explicit, audited action (个人信息保护). */
export const viewIdNumber = async (ports: Pick<CasePorts, 'cases' | 'sealer'>, p: Principal, input: { id: string }, meta: RequestMeta) => {
  needScope(p, 'case.view-id');
  const c = visibleOrNotFound(p, (await ports.cases.get(input.id))?.record);
  const { id: full, phone } = await ports.sealer.unseal<{ id: string; phone: string }>(c.applicant.sealed);
  await ports.cases.commit([], [caseAudit(p, 'case.view-id', c, meta)]);
  return { idNumber: full, phone };
};

/** 30 look-ups a minute per address: enough for a person, not for guessing numbers. */
export const PUBLIC_LOOKUPS_PER_MINUTE = 30;

/** The citizen's status page: the number and the last four digits of the phone given at intake. */
/** Typed look-ups (number + phone4) one case number gets per China day; the receipt's 查询码 is not capped. */
export const PUBLIC_GUESSES_PER_DAY = 10;

/** The case a citizen may see: by number and the 查询码 from the QR, or the number and phone4 (capped per day). */
export const findPublicCase = async (
  ports: Pick<CasePorts, 'cases' | 'clock'>,
  input: { number: string } & ({ phone4: string } | { code: string }),
  meta: RequestMeta,
): Promise<CaseRecord> => {
  const now = ports.clock();
  const hits = await ports.cases.hitPublicLookup(meta.sourceIp, now.toISOString().slice(0, 16), new Date(now.getTime() + 300_000));
  if (hits > PUBLIC_LOOKUPS_PER_MINUTE) throw new TooManyRequestsError('TOO_MANY_LOOKUPS', '查询过于频繁，请稍后再试');
  // wrong digits, a wrong code, an unknown number and a number out of guesses all get the very same answer
  const notFound = new NotFoundError('未找到该办件，请核对受理编号和手机号后四位');
  if ('code' in input) {
    const c = await ports.cases.byNumber(input.number);
    if (!c?.queryCode || !sameText(c.queryCode, input.code.toUpperCase())) throw notFound;
    return c;
  }
  const day = chinaDate(now);
  // the slot is taken before the comparison: a burst of guesses can't outrun the cap
  if (!(await ports.cases.takePublicGuess(input.number, day, PUBLIC_GUESSES_PER_DAY, new Date(now.getTime() + 2 * 86_400_000)))) throw notFound;
  const c = await ports.cases.byNumber(input.number);
  if (!c || !sameText(c.applicant.phone4, input.phone4)) throw notFound;
  await ports.cases.releasePublicGuess(input.number, day);
  return c;
};

export const publicStatus = async (
  ports: Pick<CasePorts, 'cases' | 'clock'>,
  _p: Principal | undefined,
  input: { number: string } & ({ phone4: string } | { code: string }),
  meta: RequestMeta,
) => {
  const c = await findPublicCase(ports, input, meta);
  return publicView(c, await ports.cases.events(c.id));
};

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The case page's answer: the case (masked) and its timeline. */
export type CaseDetail = Awaited<ReturnType<typeof getCase>>;
/** The audited full ID number and phone. */
export type FullIdNumber = Awaited<ReturnType<typeof viewIdNumber>>;
