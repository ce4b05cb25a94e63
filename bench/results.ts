import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../local/modules.ts';

/** The stable keys of bench/results.json's `figures`, in the order of its table. */
export const FIGURE_KEYS = [
  'cold_share_5rpm_pct',
  'bundle_kb_max_http',
  'import_ms_max_http',
  'wcu_per_intake',
  'wru_per_case',
  'usd_per_1000_cases',
  'cny_per_1000_cases',
  'search_p99_ms',
  'intake_p99_ms',
  'idle_usd_per_county_month',
  'citizen_first_load_kb_gz',
  'agent_first_load_kb_gz',
  'synth_100_counties_s',
  'search_recall_at3',
  'search_recall_at3_no_keywords',
  'search_mrr',
  'search_mrr_no_keywords',
  // the hall (bench/hall.ts)
  'wcu_per_booking',
  'wcu_per_call',
  // notices (bench/notices.ts)
  'wcu_per_notice',
  // the provincial exchange (bench/exchange.ts)
  'wcu_per_exchange_record',
  // the electronic archive (bench/archive.ts)
  'archive_bytes_per_case',
  'archive_wcu_per_case',
  'archive_rcu_per_case',
  'archive_build_p95_ms',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** A figure's target: at most `max`, or at least `min` (quality figures); neither for a figure only reported. */
export interface Target {
  max?: number;
  min?: number;
  text: string;
  what: string;
}

export const targetMet = (t: Target, v: number): boolean => (t.max === undefined || v <= t.max) && (t.min === undefined || v >= t.min);

export const TARGETS: Record<FigureKey, Target> = {
  cold_share_5rpm_pct: { max: 1, text: '≤ 1 %', what: 'requests hitting a cold start, county working day at 5 req/min' },
  bundle_kb_max_http: { max: 250, text: '≤ 250 KB', what: 'largest minified HTTP function bundle' },
  import_ms_max_http: { max: 100, text: '≤ 100 ms', what: 'slowest module import of an HTTP function, fresh Node process' },
  wcu_per_intake: {
    text: '(reported: the audit event stays in the change’s transaction; no index copy that no query reads)',
    what: 'write capacity per intake',
  },
  wru_per_case: { text: '(reported)', what: 'one case, intake to delivery' },
  usd_per_1000_cases: { text: '(reported)', what: 'DynamoDB cost per 1,000 cases, us-east-1 list price' },
  cny_per_1000_cases: { text: '(reported)', what: 'DynamoDB cost per 1,000 cases, cn-north-1 / cn-northwest-1 list price' },
  search_p99_ms: { max: 0.3, text: '≤ 0.3 ms (max ≤ 2 ms)', what: 'item search p99, 2,000 items in process' },
  intake_p99_ms: { text: '(reported)', what: 'intake p99 through the local platform' },
  idle_usd_per_county_month: { max: 5, text: '≤ $5', what: 'idle cost of one county a month' },
  citizen_first_load_kb_gz: {
    max: 120,
    text: '≤ 120 KB',
    what: 'first load of the citizen pages (/, /items, a guide, /status, /rate, /disclosure; the largest), gzipped JS + CSS',
  },
  agent_first_load_kb_gz: { max: 120, text: '≤ 120 KB', what: "first load of the village agent's pages (/agent, /agent/new; the largest), gzipped JS + CSS" },
  synth_100_counties_s: { max: 600, text: '≤ 600 s', what: 'npm run bench:synth -- 100' },
  search_recall_at3: { min: 0.95, text: '≥ 0.95', what: 'relevance set: expected item in the top 3, demo catalog' },
  search_recall_at3_no_keywords: { min: 0.95, text: '≥ 0.95', what: 'relevance set: expected item in the top 3, the demo catalog imported with no 俗称' },
  search_mrr: { text: '(reported)', what: 'relevance set: mean reciprocal rank, demo catalog' },
  search_mrr_no_keywords: { text: '(reported)', what: 'relevance set: mean reciprocal rank, no 俗称' },
  wcu_per_booking: { text: '(reported)', what: 'the hall: write capacity per booking (预约)' },
  wcu_per_call: { text: '(reported)', what: 'the hall: write capacity per call at a window (叫号)' },
  wcu_per_notice: { max: 8, text: '≤ 8 WCU', what: 'notices: write capacity per text (告知), outbox entry to sent' },
  wcu_per_exchange_record: { max: 8, text: '≤ 8 WCU', what: 'provincial exchange: write capacity per stage record, outbox entry to acknowledged' },
  archive_bytes_per_case: { text: '(reported)', what: 'archive: package in S3 + DynamoDB record per archived case (two scans of 420 KB)' },
  archive_wcu_per_case: {
    max: 20,
    text: '≤ 20 WCU',
    what: 'archive: write capacity per archived case version (record + its index entries + audit event, transactional)',
  },
  archive_rcu_per_case: { text: '(reported)', what: 'archive: read capacity per archived case (the consumer)' },
  archive_build_p95_ms: { max: 3000, text: '≤ 3000 ms', what: 'archive: package build p95 (documents as PDF, zip, store, read back, DA/T 70 checks)' },
};

const FILE = join(ROOT, 'bench', 'results.json');

type Results = { figures: Partial<Record<FigureKey, number>> } & Record<string, unknown>;

export const readResults = (): Results => (existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Results) : { figures: {} });

/** Writes figures into bench/results.json, keeping those another command wrote (bench:synth ↔ bench). */
export const mergeFigures = (figures: Partial<Record<FigureKey, number>>, extra: Record<string, unknown> = {}): void => {
  const prev = readResults();
  const merged = { ...prev.figures, ...figures };
  const ordered = Object.fromEntries(FIGURE_KEYS.filter((k) => typeof merged[k] === 'number').map((k) => [k, merged[k]]));
  writeFileSync(FILE, JSON.stringify({ ...prev, ...extra, figures: ordered }, null, 2));
};
