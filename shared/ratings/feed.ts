import { bjDateTimeSeconds, bjDay, bjEndOfDay, bjStartOfDay } from '../platform/beijing-time.ts';
import * as z from 'zod';
import { addDays } from '../calendar/working-days.ts';
import type { CaseRecord } from '../cases/model.ts';
import type { CaseStore } from '../cases/ports.ts';
import { writeXlsx, type CellValue } from '../sheets/xlsx.ts';
import { ForbiddenError, NotFoundError } from '../errors/domain-errors.ts';
import { hasScope, type Principal } from '../identity/principal.ts';
import type { Clock } from '../platform/clock.ts';
import type { RequestMeta } from '../platform/request-meta.ts';
import { actorOf } from '../audit/audit.ts';
import type { FeedStore } from './ports.ts';
import { CHANNEL_LABELS, LEVEL_LABELS, TASK_STATUS_LABELS, effectiveLevel, type Rating, type RectificationTask } from './model.ts';
import type { OfficeNames } from '../offices/ports.ts';
import type { RatingStore } from './ports.ts';
import { calendarDate } from '../schema/date.ts';

/**
 * The provincial feed (好差评 上报, Anhui fields): every day the county's ratings and decided cases
 * of the day before, as JSON lines and as Excel, kept in the feed bucket under `feed/<day>/`, for
 * the county admin to download and send upward. No names, ID numbers or phones: the applicant
 * appears only as a type.
 */
export const FEED_FILES = ['ratings.jsonl', 'cases.jsonl', 'feed.xlsx'] as const;
export type FeedFileName = (typeof FEED_FILES)[number];
const CONTENT_TYPES: Record<FeedFileName, string> = {
  'ratings.jsonl': 'application/x-ndjson; charset=utf-8',
  'cases.jsonl': 'application/x-ndjson; charset=utf-8',
  'feed.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const feedKey = (day: string, file: FeedFileName): string => `feed/${day}/${file}`;

const APPLICANT_TYPES = { person: '自然人', organisation: '法人或其他组织' } as const;

/** One rating as reported: case, item and office with their codes, applicant type, rating, channel, time, staff evaluated. */
export interface FeedRating {
  caseNumber: string;
  itemName: string;
  itemCode: string;
  officeName: string;
  officeCode: string;
  applicantType: string;
  rating: number;
  ratingLabel: string;
  channel: string;
  channelLabel: string;
  ratedAt: string;
  evaluatedStaff: string;
  reason?: string;
  followUp?: string;
  rectification?: string;
  /** An upheld appeal takes a rating out of the statistics: reported, marked invalid. */
  valid: boolean;
}

export interface FeedCase {
  caseNumber: string;
  itemName: string;
  itemCode: string;
  acceptingOfficeName: string;
  acceptingOfficeCode: string;
  officeName: string;
  officeCode: string;
  applicantType: string;
  acceptedAt?: string;
  dueDate?: string;
  decidedAt: string;
  result: string;
  onTime: boolean;
}

export const feedRating = (r: Rating, t: RectificationTask | undefined, names: ReadonlyMap<string, string>): FeedRating => {
  const level = effectiveLevel(r);
  return {
    caseNumber: r.number,
    itemName: r.itemName,
    itemCode: r.itemCode,
    officeName: names.get(r.officeId) ?? r.officeId,
    officeCode: r.officeId,
    applicantType: APPLICANT_TYPES[r.applicantType],
    rating: level,
    ratingLabel: LEVEL_LABELS[level],
    channel: r.channel,
    channelLabel: CHANNEL_LABELS[r.channel],
    ratedAt: bjDateTimeSeconds(r.at),
    evaluatedStaff: r.staff,
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.followUp ? { followUp: r.followUp.text } : {}),
    ...(t ? { rectification: TASK_STATUS_LABELS[t.status] } : {}),
    valid: !r.voided,
  };
};

export const feedCase = (c: CaseRecord, names: ReadonlyMap<string, string>): FeedCase => {
  const office = c.handedTo ?? c.officeId;
  return {
    caseNumber: c.number,
    itemName: c.itemName,
    itemCode: c.itemCode,
    acceptingOfficeName: names.get(c.officeId) ?? c.officeId,
    acceptingOfficeCode: c.officeId,
    officeName: names.get(office) ?? office,
    officeCode: office,
    applicantType: APPLICANT_TYPES[c.applicant.type],
    ...(c.acceptedAt ? { acceptedAt: bjDateTimeSeconds(c.acceptedAt) } : {}),
    ...(c.dueDate ? { dueDate: c.dueDate } : {}),
    decidedAt: bjDateTimeSeconds(c.decision!.at),
    result: c.decision!.result === 'approved' ? '准予' : '不予',
    onTime: c.decision!.onTime,
  };
};

const RATING_COLUMNS: Array<[keyof FeedRating, string]> = [
  ['caseNumber', '办件编号'],
  ['itemName', '事项名称'],
  ['itemCode', '事项编码'],
  ['officeName', '办理单位'],
  ['officeCode', '单位编码'],
  ['applicantType', '申请人类型'],
  ['rating', '评价等级'],
  ['ratingLabel', '评价'],
  ['channelLabel', '评价渠道'],
  ['ratedAt', '评价时间'],
  ['evaluatedStaff', '被评价人员'],
  ['reason', '差评原因'],
  ['followUp', '追评'],
  ['rectification', '整改状态'],
  ['valid', '计入统计'],
];
const CASE_COLUMNS: Array<[keyof FeedCase, string]> = [
  ['caseNumber', '办件编号'],
  ['itemName', '事项名称'],
  ['itemCode', '事项编码'],
  ['acceptingOfficeName', '受理单位'],
  ['acceptingOfficeCode', '受理单位编码'],
  ['officeName', '办理单位'],
  ['officeCode', '办理单位编码'],
  ['applicantType', '申请人类型'],
  ['acceptedAt', '受理时间'],
  ['dueDate', '承诺办结日期'],
  ['decidedAt', '办结时间'],
  ['result', '办结结果'],
  ['onTime', '是否按时'],
];

const sheet = <T>(name: string, cols: Array<[keyof T, string]>, rows: readonly T[]) => ({
  name,
  rows: [cols.map(([, h]) => h), ...rows.map((r) => cols.map(([k]) => r[k] as CellValue))],
  widths: cols.map(([, h]) => Math.max(10, h.length * 2 + 4)),
});

const jsonl = (rows: readonly unknown[]): Uint8Array => new TextEncoder().encode(rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));

export interface FeedPorts {
  cases: Pick<CaseStore, 'ofOffice'>;
  ratings: Pick<RatingStore, 'ratingsOfOffice' | 'task'>;
  offices: OfficeNames;
  feed: FeedStore;
  clock: Clock;
}

/** Pages of an office's decided (or delivered) cases read at most, newest accepted first. */
const MAX_PAGES = 5;

/** The day's files: yesterday (Beijing date) unless a day is given. Running it again replaces them. */
export const exportFeedDay = async (ports: FeedPorts, input: { day?: string } = {}) => {
  const day = input.day ?? addDays(bjDay(ports.clock()), -1);
  const from = bjStartOfDay(day);
  const to = bjEndOfDay(day);
  const names = await ports.offices.names();

  const ratings: FeedRating[] = [];
  for (const officeId of names.keys()) {
    for (const r of await ports.ratings.ratingsOfOffice(officeId, day.slice(0, 7), { from, to }))
      ratings.push(feedRating(r, await ports.ratings.task(r.caseId), names));
  }
  const cases: FeedCase[] = [];
  for (const officeId of names.keys()) {
    for (const status of ['decided', 'delivered'] as const) {
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const p = await ports.cases.ofOffice(officeId, status, { limit: 200, ...(cursor ? { cursor } : {}) });
        for (const c of p.cases) if (c.decision && c.decision.at >= from && c.decision.at <= to) cases.push(feedCase(c, names));
        if (!p.cursor) break;
        cursor = p.cursor;
      }
    }
  }
  ratings.sort((a, b) => a.ratedAt.localeCompare(b.ratedAt) || a.caseNumber.localeCompare(b.caseNumber));
  cases.sort((a, b) => a.decidedAt.localeCompare(b.decidedAt) || a.caseNumber.localeCompare(b.caseNumber));

  await ports.feed.put(feedKey(day, 'ratings.jsonl'), jsonl(ratings), CONTENT_TYPES['ratings.jsonl']);
  await ports.feed.put(feedKey(day, 'cases.jsonl'), jsonl(cases), CONTENT_TYPES['cases.jsonl']);
  await ports.feed.put(
    feedKey(day, 'feed.xlsx'),
    await writeXlsx([sheet('好差评', RATING_COLUMNS, ratings), sheet('办件', CASE_COLUMNS, cases)]),
    CONTENT_TYPES['feed.xlsx'],
  );
  return { day, ratings: ratings.length, cases: cases.length };
};

const needFeed = (p: Principal) => {
  if (!hasScope(p, 'rating.feed')) throw new ForbiddenError();
};

/** GET /api/ratings/feed: the days exported, newest first, with their files. */
export const listFeed = async (ports: { feed: FeedStore }, p: Principal) => {
  needFeed(p);
  const byDay = new Map<string, Array<{ file: string; size: number; lastModified: string }>>();
  for (const f of await ports.feed.list('feed/')) {
    const m = /^feed\/(\d{4}-\d{2}-\d{2})\/(.+)$/.exec(f.key);
    if (!m) continue;
    byDay.set(m[1]!, [...(byDay.get(m[1]!) ?? []), { file: m[2]!, size: f.size, lastModified: f.lastModified }]);
  }
  return { days: [...byDay.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([day, files]) => ({ day, files })) };
};

export const feedDownloadParams = z.object({ day: calendarDate });
export const feedDownloadQuery = z.object({ file: z.enum(FEED_FILES, { error: '文件须为 ratings.jsonl、cases.jsonl 或 feed.xlsx' }) });

/** GET /api/ratings/feed/{day}?file=…: one file, audited (the feed names staff and items of every office). */
export const downloadFeed = async (
  ports: { feed: FeedStore; ratings: Pick<RatingStore, 'commit'> },
  p: Principal,
  input: { day: string; file: FeedFileName },
  meta: RequestMeta,
) => {
  needFeed(p);
  const body = await ports.feed.get(feedKey(input.day, input.file));
  if (!body) throw new NotFoundError('该日的上报文件不存在（每日 01:30 生成前一日的文件）');
  await ports.ratings.commit(
    [],
    [
      {
        actor: actorOf(p),
        action: 'rating.feed.download',
        target: { type: 'feed', id: feedKey(input.day, input.file) },
        result: 'success',
        sourceIp: meta.sourceIp,
        userAgent: meta.userAgent,
      },
    ],
  );
  return { body, contentType: CONTENT_TYPES[input.file], filename: `好差评上报-${input.day}-${input.file}` };
};
