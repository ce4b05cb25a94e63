import * as z from 'zod';
import gbt39046 from './codes/gbt39046.json' with { type: 'json' };
import henanDemo from './codes/41-demo.json' with { type: 'json' };
import ningxiaDemo from './codes/64-demo.json' with { type: 'json' };
import { STAGES, type OfficeKind, type StageRecord } from './model.ts';
import { bjDateTimeSeconds } from '../platform/beijing-time.ts';

/**
 * A province's interface as data (codes/<id>.json): its field names for each data element, its
 * code tables, its transport (HTTPS JSON, or a form whose `data` is XML) and its auth (a bearer
 * token, or a request signed with HMAC-SHA256). The county config names one (`exchange.province`);
 * the generic GB/T 39046 JSON profile is the default. A new province is a new file here, tested
 * table by table (test/unit/exchange/code-tables.test.ts).
 */
export const ELEMENTS = [
  'recordId',
  'stage',
  'caseNumber',
  'itemCode',
  'itemName',
  'itemKind',
  'countyCode',
  'officeId',
  'handlingOfficeId',
  'handlingLevel',
  'channel',
  'applicantType',
  'applicantNameMasked',
  'at',
  'promisedDays',
  'dueDate',
  'result',
  'reason',
  'deliveryMethod',
  'toOfficeId',
  'satisfaction',
  'ratingChannel',
  'rectification',
] as const;
export type Element = (typeof ELEMENTS)[number];

const table = <K extends string>(keys: readonly [K, ...K[]]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.string().min(1).max(20)])) as Record<K, z.ZodString>);

export const profileSchema = z.object({
  id: z.string().min(1).max(40),
  name: z.string().min(1).max(200),
  demo: z.boolean(),
  transport: z.enum(['json', 'form-xml']),
  auth: z.enum(['token', 'hmac-sha256']),
  /** The province answers its own count of a day's records (GET …/count?day=). */
  provinceCount: z.boolean(),
  fields: z.object(Object.fromEntries(ELEMENTS.map((e) => [e, z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,39}$/)])) as Record<Element, z.ZodString>),
  codes: z.object({
    stage: table(STAGES),
    itemKind: table(['immediate', 'promised']),
    handlingLevel: table(['county_center', 'department', 'township', 'village']),
    channel: table(['window', 'agent']),
    applicantType: table(['person', 'organisation']),
    result: table(['approved', 'refused']),
    deliveryMethod: table(['pickup', 'post', 'e_notice', 'agent']),
    satisfaction: table(['5', '4', '3', '2', '1']),
    ratingChannel: table(['window', 'qr', 'web', 'hotline']),
  }),
});
export type ProvinceProfile = z.output<typeof profileSchema>;
export type CodeTable = keyof ProvinceProfile['codes'];

export const PROFILES: Readonly<Record<string, ProvinceProfile>> = Object.fromEntries(
  [gbt39046, henanDemo, ningxiaDemo].map((p) => {
    const parsed = profileSchema.parse(p);
    return [parsed.id, parsed];
  }),
);
export const PROFILE_IDS = Object.keys(PROFILES) as [string, ...string[]];
export const DEFAULT_PROFILE = 'gbt39046';

export const profileOf = (id: string | undefined): ProvinceProfile => PROFILES[id ?? DEFAULT_PROFILE] ?? PROFILES[DEFAULT_PROFILE]!;

/**
 * One stage record in the province's words: its field names and codes. `kindOf` gives an office's
 * place (办理层级 follows from it); an office it does not know counts as the county's.
 */
export const toProvince = (
  p: ProvinceProfile,
  recordId: string,
  r: StageRecord,
  kindOf: (officeId: string) => OfficeKind | undefined,
): Record<string, string> => {
  const c = p.codes;
  const values: Partial<Record<Element, string | undefined>> = {
    recordId,
    stage: c.stage[r.stage],
    caseNumber: r.caseNumber,
    itemCode: r.itemCode,
    itemName: r.itemName,
    itemKind: c.itemKind[r.itemKind],
    countyCode: r.countyCode,
    officeId: r.officeId,
    handlingOfficeId: r.handlingOfficeId,
    handlingLevel: c.handlingLevel[kindOf(r.handlingOfficeId) ?? 'county_center'],
    channel: c.channel[r.channel],
    applicantType: c.applicantType[r.applicantType],
    applicantNameMasked: r.applicantNameMasked,
    // 2026-12-08T02:03:04.000Z → 2026-12-08 10:03:04 (Beijing, GB/T 7408 form)
    at: bjDateTimeSeconds(r.at, ''),
    promisedDays: r.promisedDays === undefined ? undefined : String(r.promisedDays),
    dueDate: r.dueDate,
    result: r.result && c.result[r.result],
    reason: r.reason,
    deliveryMethod: r.deliveryMethod && c.deliveryMethod[r.deliveryMethod as keyof typeof c.deliveryMethod],
    toOfficeId: r.toOfficeId,
    satisfaction: r.satisfaction === undefined ? undefined : c.satisfaction[String(r.satisfaction) as keyof typeof c.satisfaction],
    ratingChannel: r.ratingChannel && c.ratingChannel[r.ratingChannel],
    rectification: r.rectification,
  };
  const out: Record<string, string> = {};
  for (const e of ELEMENTS) {
    const v = values[e];
    if (v !== undefined && v !== '') out[p.fields[e]] = v;
  }
  return out;
};

/** The elements every record carries, and those each stage adds (what the fake province checks). */
export const REQUIRED: readonly Element[] = [
  'recordId',
  'stage',
  'caseNumber',
  'itemCode',
  'itemName',
  'itemKind',
  'countyCode',
  'officeId',
  'handlingOfficeId',
  'handlingLevel',
  'channel',
  'applicantType',
  'applicantNameMasked',
  'at',
];
export const STAGE_REQUIRED: Readonly<Record<StageRecord['stage'], readonly Element[]>> = {
  accepted: ['promisedDays'],
  supplement: ['reason'],
  refused: ['reason'],
  forwarded: ['toOfficeId'],
  decided: ['result'],
  delivered: ['deliveryMethod'],
  rated: ['satisfaction', 'ratingChannel'],
  rectified: ['rectification'],
};
/** Which code table checks which element's value. */
export const CODED: Readonly<Partial<Record<Element, CodeTable>>> = {
  stage: 'stage',
  itemKind: 'itemKind',
  handlingLevel: 'handlingLevel',
  channel: 'channel',
  applicantType: 'applicantType',
  result: 'result',
  deliveryMethod: 'deliveryMethod',
  satisfaction: 'satisfaction',
  ratingChannel: 'ratingChannel',
};

/**
 * What a province checks of a record in its words: every required element present, every coded
 * one a value of its table, the time in GB/T 7408 form. The reasons are in Chinese, as a province answers.
 */
export const checkRecord = (p: ProvinceProfile, fields: Record<string, string>): string[] => {
  const problems: string[] = [];
  const stageCode = fields[p.fields.stage];
  const stage = (Object.entries(p.codes.stage).find(([, v]) => v === stageCode)?.[0] ?? undefined) as StageRecord['stage'] | undefined;
  const need = [...REQUIRED, ...(stage ? STAGE_REQUIRED[stage] : [])];
  for (const e of need) if (!fields[p.fields[e]]) problems.push(`缺少数据项 ${p.fields[e]}`);
  for (const [e, t] of Object.entries(CODED) as Array<[Element, CodeTable]>) {
    const v = fields[p.fields[e]];
    if (v !== undefined && !Object.values(p.codes[t]).includes(v)) problems.push(`数据项 ${p.fields[e]} 的代码 ${v} 不在代码表中`);
  }
  const at = fields[p.fields.at];
  if (at && !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(at)) problems.push(`数据项 ${p.fields.at} 的时间格式应为 yyyy-MM-dd HH:mm:ss`);
  return problems;
};
