import { bjDay } from '../platform/beijing-time.ts';
import type { CaseRecord } from '../cases/model.ts';
import type { CaseStore } from '../cases/ports.ts';
import type { Clock } from '../platform/clock.ts';
import { rates } from './counters.ts';
import type { OfficeNames } from '../offices/ports.ts';
import type { DisclosureDoc, RatingStore } from './ports.ts';
import type { DisclosedRatings, DisclosedResult, DisclosedResults } from './responses.ts';

/**
 * 六公开 (results and supervision, seeds 001/002): a public page of recent 办结 results and of the
 * monthly ratings per office. A schedule publishes both as documents built from non-personal
 * fields only — masked number, item, office, dates, on time — so the public function reads those
 * documents and nothing else (no case, no rating, no name, ID or phone can reach it).
 */
export const RESULT_DAYS = 30;
export const MAX_RESULTS = 200;
/** Cases read per office and status: the newest accepted first. */
const PER_OFFICE = 100;
/** Months of ratings kept current on the page. */
export const RATING_MONTHS = 3;

// the published shapes (./responses.ts): one definition for the server, the OpenAPI document and the web
export type { DisclosedOfficeRatings, DisclosedRatings, DisclosedResult, DisclosedResults } from './responses.ts';

/**
 * The number with its day and its daily sequence masked: 411521-2026****-****. The page lists the
 * acceptance and decision dates beside it, so a visible sequence (…-0042) next to `acceptedOn`
 * would give the whole number back — half of the key to the public status and rating pages.
 */
export const maskNumber = (n: string): string =>
  n.replace(/^(\d{6})-(\d{4})\d{4}-(\d+)$/, (_m, county: string, year: string, seq: string) => `${county}-${year}****-${'*'.repeat(seq.length)}`);

const resultOf = (c: CaseRecord, names: ReadonlyMap<string, string>): DisclosedResult => {
  const office = c.handedTo ?? c.officeId;
  return {
    number: maskNumber(c.number),
    itemName: c.itemName,
    officeName: names.get(office) ?? office,
    ...(c.acceptedOn ? { acceptedOn: c.acceptedOn } : {}),
    decidedOn: bjDay(new Date(c.decision!.at)),
    onTime: c.decision!.onTime,
  };
};

const monthsBack = (month: string, n: number): string[] => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return d.toISOString().slice(0, 7);
  });
};

export interface DisclosurePorts {
  cases: Pick<CaseStore, 'ofOffice'>;
  ratings: Pick<RatingStore, 'counters' | 'commit'>;
  offices: OfficeNames;
  clock: Clock;
}

export const publishDisclosure = async (ports: DisclosurePorts) => {
  const now = ports.clock();
  const nowIso = now.toISOString();
  const since = new Date(now.getTime() - RESULT_DAYS * 86_400_000).toISOString();
  const names = await ports.offices.names();
  const decided: CaseRecord[] = [];
  for (const officeId of names.keys()) {
    for (const status of ['decided', 'delivered'] as const) {
      const page = await ports.cases.ofOffice(officeId, status, { limit: PER_OFFICE });
      decided.push(...page.cases.filter((c) => c.decision && c.decision.at >= since));
    }
  }
  decided.sort((a, b) => b.decision!.at.localeCompare(a.decision!.at));
  const results: DisclosedResults = { publishedAt: nowIso, days: RESULT_DAYS, results: decided.slice(0, MAX_RESULTS).map((c) => resultOf(c, names)) };

  const docs: DisclosureDoc[] = [{ key: 'RESULTS', publishedAt: nowIso, body: results }];
  for (const month of monthsBack(bjDay(now).slice(0, 7), RATING_MONTHS)) {
    const rows = await ports.ratings.counters(month);
    const offices = rows
      .filter((r): r is Extract<typeof r, { kind: 'office' }> => r.kind === 'office' && r.counts.count > 0)
      .map((r) => {
        const { satisfactionRate, rectificationRate } = rates(r.counts);
        return {
          officeName: names.get(r.officeId) ?? r.officeId,
          count: r.counts.count,
          satisfied: r.counts.satisfied,
          bad: r.counts.bad,
          rectified: r.counts.rectified,
          satisfactionRate,
          rectificationRate,
        };
      })
      .sort((a, b) => b.count - a.count || a.officeName.localeCompare(b.officeName));
    docs.push({ key: `RATINGS#${month}`, publishedAt: nowIso, body: { publishedAt: nowIso, month, offices } satisfies DisclosedRatings });
  }
  await ports.ratings.commit(
    docs.map((doc) => ({ op: 'put-disclosure' as const, doc })),
    [],
  );
  return { results: results.results.length, months: RATING_MONTHS };
};

/** GET /api/public/disclosure/results: the published results (empty until the first publication). */
export const disclosedResults = async (ports: { ratings: Pick<RatingStore, 'disclosure'> }): Promise<DisclosedResults> =>
  ((await ports.ratings.disclosure('RESULTS'))?.body as DisclosedResults | undefined) ?? { publishedAt: '', days: RESULT_DAYS, results: [] };

/** GET /api/public/disclosure/ratings?month=YYYY-MM: the published monthly ratings per office. */
export const disclosedRatings = async (ports: { ratings: Pick<RatingStore, 'disclosure'> }, input: { month: string }): Promise<DisclosedRatings> =>
  ((await ports.ratings.disclosure(`RATINGS#${input.month}`))?.body as DisclosedRatings | undefined) ?? { publishedAt: '', month: input.month, offices: [] };
