import { bjDay, bjEndOfDay } from '../platform/beijing-time.ts';
import { timingSafeEqual } from 'node:crypto';
import { MOBILE_PHONE } from '../schema/phone.ts';
import * as z from 'zod';
import { ForbiddenError, NotFoundError, TooManyRequestsError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { addWorkdays } from '../calendar/working-days.ts';
import { canSee, countyWide, holderOf, visibleOrNotFound } from './access.ts';
import { isValidIdNumber } from './identity-numbers.ts';
import { officeNames } from '../offices/offices.ts';
import { DEFAULT_PHASE_LIMITS, phasesOf, type PhaseLimits } from './phases.ts';
import { caseAudit } from './commit.ts';
import { CASE_STATUSES, type CaseRecord } from './model.ts';
import type { CasePorts } from './ports.ts';
import { listView, publicView, staffView } from './views.ts';

export const listQuery = z.object({
  view: z.enum([...CASE_STATUSES, 'all', 'due_soon', 'overdue', 'inbox'], { error: '列表类型无效' }).default('accepted'),
  officeId: z.string().max(80).optional(),
  /** The `next` of the previous page. */
  cursor: z.string().max(2000).optional(),
  /** Find a case: its number, the applicant's ID number, phone or name (keyed-hash look-ups, never a scan). */
  q: z.string().trim().min(1, '请输入受理编号、申请人姓名、证件号码或手机号').max(50, '查询内容过长').optional(),
});

const needScope = (p: Principal, scope: Parameters<typeof hasScope>[1]) => {
  if (!hasScope(p, scope)) throw new ForbiddenError();
};

/** Working days ahead that make a case "due soon". */
const DUE_SOON_WORKDAYS = 2;

/**
 * Finds the cases the caller may see by number, ID number (K7), phone or name (FIND#: keyed hashes
 * written at intake). What the query is, is read from its shape; a name is anything else.
 */
export const findCases = async (ports: Pick<CasePorts, 'cases' | 'sealer'>, p: Principal, text: string) => {
  needScope(p, 'case.read');
  const q = text.trim();
  const up = q.toUpperCase();
  let found: CaseRecord[];
  if (/^\d{6}-\d{8}-\d{4}$/.test(q)) found = [await ports.cases.byNumber(q)].filter((c): c is CaseRecord => c !== undefined);
  else if (isValidIdNumber(up) || /^[0-9A-Z]{18}$/.test(up)) found = await ports.cases.findCases({ applicantHash: await ports.sealer.lookupHash(up) });
  else if (MOBILE_PHONE.test(q)) found = await ports.cases.findCases({ findHash: await ports.sealer.lookupHash(`phone:${q}`) });
  else found = await ports.cases.findCases({ findHash: await ports.sealer.lookupHash(`name:${q}`) });
  return { cases: found.filter((c) => canSee(p, c)).map(listView) };
};

/** 办件 lists of an office: by status, or due within 2 working days / overdue (open cases only); 待签收 (`inbox`) is the network's (shared/network/inbox.ts). */
export const listCases = async (ports: Pick<CasePorts, 'cases' | 'calendar' | 'clock' | 'offices' | 'sealer'>, p: Principal, q: z.output<typeof listQuery>) => {
  needScope(p, 'case.read');
  if (q.q) return findCases(ports, p, q.q);
  // county-wide readers may look at any office; everyone else at their own
  const officeId = q.officeId && countyWide(p) ? q.officeId : p.officeId;
  if (q.view === 'all') {
    const page = await ports.cases.allOfOffice(officeId, { limit: 50, ...(q.cursor ? { cursor: q.cursor } : {}) });
    return { cases: page.cases.map(listView), ...(page.cursor ? { next: page.cursor } : {}) };
  }
  if (q.view !== 'due_soon' && q.view !== 'overdue') {
    const page = await ports.cases.ofOffice(officeId, q.view, { limit: 50, ...(q.cursor ? { cursor: q.cursor } : {}) });
    return { cases: page.cases.map(listView), ...(page.cursor ? { next: page.cursor } : {}) };
  }
  const now = ports.clock();
  const nowIso = now.toISOString();
  const horizon = q.view === 'overdue' ? nowIso : bjEndOfDay(addWorkdays(bjDay(now), DUE_SOON_WORKDAYS, (await ports.calendar()).cal).dueDate);
  const open = await ports.cases.openDueBy(officeId, horizon);
  return { cases: open.filter((c) => (q.view === 'overdue' ? c.dueAt! < nowIso : c.dueAt! >= nowIso)).map(listView) };
};

/** A case with its timeline; on the network also its pending phases (who must act by when, late or not) and the offices' names. */
export const getCase = async (
  ports: Pick<CasePorts, 'cases' | 'calendar' | 'clock' | 'offices'> & { limits?: PhaseLimits },
  p: Principal,
  input: { id: string },
) => {
  needScope(p, 'case.read');
  const c = visibleOrNotFound(p, (await ports.cases.get(input.id))?.record);
  const [events, { cal }, name] = await Promise.all([ports.cases.events(input.id), ports.calendar(), officeNames(ports.offices)]);
  const phases = phasesOf(c, ports.clock(), cal, ports.limits ?? DEFAULT_PHASE_LIMITS);
  const offices = [...new Set([c.officeId, holderOf(c), ...(c.parties ?? []), ...events.flatMap((e) => [e.fromOfficeId ?? '', e.toOfficeId ?? ''])])].filter(
    Boolean,
  );
  return { case: staffView(c, p), events, phases, officeNames: Object.fromEntries(offices.map((o) => [o, name(o)])) };
};

/** The full ID number, only on an explicit, audited action (个人信息保护). */
export const viewIdNumber = async (ports: Pick<CasePorts, 'cases' | 'sealer'>, p: Principal, input: { id: string }, meta: RequestMeta) => {
  needScope(p, 'case.view-id');
  const c = visibleOrNotFound(p, (await ports.cases.get(input.id))?.record);
  // the ID only: the whole phone is its own audited action, for a 差评 回访 (shared/ratings/callback-phone.ts)
  const { id: full } = await ports.sealer.unseal<{ id: string }>(c.applicant.sealed);
  await ports.cases.commit([], [caseAudit(p, 'case.view-id', c, meta)]);
  return { idNumber: full };
};

/** 30 look-ups a minute per address: enough for a person, not for guessing numbers. */
export const PUBLIC_LOOKUPS_PER_MINUTE = 30;

/** The citizen's status page: the number and the last four digits of the phone given at intake. */
/** Typed look-ups (number + phone4) one case number gets per China day; the receipt's 查询码 is not capped. */
export const PUBLIC_GUESSES_PER_DAY = 10;

/** The case a citizen may see: by number and the 查询码 from the QR, or the number and phone4 (capped per day). */
export const findPublicCase = async (
  ports: { cases: Pick<CasePorts['cases'], 'hitPublicLookup' | 'byNumber' | 'takePublicGuess' | 'releasePublicGuess'>; clock: CasePorts['clock'] },
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
  const day = bjDay(now);
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

/** The case page's answer: the case (masked), its timeline, its pending phases and the offices' names. */
export type CaseDetail = Awaited<ReturnType<typeof getCase>>;
/** The audited full ID number and phone. */
export type FullIdNumber = Awaited<ReturnType<typeof viewIdNumber>>;
