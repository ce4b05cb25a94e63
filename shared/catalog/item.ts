import { fieldIssues } from '../errors/field-issues.ts';
import * as z from 'zod';

/**
 * 事项 / 办事指南: the service item and every element its guide must show (一次告知). The shape is
 * the same in DynamoDB, the API, the editor and the import workbook (see workbook-columns.ts).
 */
export {
  ITEM_KINDS,
  KIND_LABELS,
  LEVELS,
  LEVEL_LABELS,
  MATERIAL_FORMS,
  MATERIAL_FORM_LABELS,
  ONLINE_LEVELS,
  ONLINE_LABELS,
  HANDLING_MODES,
  HANDLING_LABELS,
  type ItemKind,
  type Level,
  type MaterialForm,
  type OnlineLevel,
  type HandlingMode,
} from './item-labels.ts';
import {
  ITEM_KINDS,
  KIND_LABELS,
  LEVELS,
  MATERIAL_FORMS,
  ONLINE_LEVELS,
  type ItemKind,
  type Level,
  type MaterialForm,
  type OnlineLevel,
} from './item-labels.ts';

/** Statutory limits are short; anything above a year is a typing error. */
const MAX_DAYS = 365;

const text = (label: string, max = 200) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .min(1, `${label}不能为空`)
    .max(max, `${label}不能超过 ${max} 个字`);
const optionalText = (label: string, max = 500) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .optional();
const days = (label: string) =>
  z
    .number({ error: `${label}必须是数字（工作日）` })
    .int(`${label}必须是整数（工作日）`)
    .min(0, `${label}不能为负数`)
    .max(MAX_DAYS, `${label}不能超过 ${MAX_DAYS} 个工作日`);
const url = (label: string) =>
  z
    .string()
    .trim()
    .max(500, `${label}过长`)
    .regex(/^(https?:\/\/|\/)\S+$/, `${label}必须是以 http(s):// 或 / 开头的链接`)
    .optional();

/** Item codes go into keys and URLs: upper-case letters, digits and `-_.` (so `import`/`export` can never be one). */
export const ITEM_CODE = /^[A-Z0-9][A-Z0-9._-]{1,39}$/;
export const itemCodeSchema = z
  .string({ error: '事项编码必须是文字' })
  .trim()
  .max(40, '事项编码不能超过 40 位')
  .regex(ITEM_CODE, '事项编码只能由大写字母、数字和 - _ . 组成（2–40 位）');

export interface Material {
  name: string;
  form: MaterialForm;
  copies: number;
  /** 来源渠道, e.g. 申请人自备 / 公安机关核发. */
  source?: string;
  required: boolean;
  blankFormUrl?: string;
  sampleUrl?: string;
  notes?: string;
}
export const materialSchema = z.object({
  name: text('材料名称', 100),
  form: z.enum(MATERIAL_FORMS, { error: '材料形式必须是 原件、复印件、原件和复印件 或 电子材料' }),
  copies: z.number({ error: '材料份数必须是数字' }).int('材料份数必须是整数').min(0, '材料份数不能为负数').max(99, '材料份数不能超过 99'),
  source: optionalText('材料来源', 100),
  required: z.boolean({ error: '材料是否必需必须是 是/否' }),
  blankFormUrl: url('空白表格链接'),
  sampleUrl: url('示例样表链接'),
  notes: optionalText('材料备注', 300),
}) satisfies z.ZodType<Material>;

export interface Step {
  name: string;
  description?: string;
}
export const stepSchema = z.object({ name: text('办理步骤名称', 50), description: optionalText('办理步骤说明', 500) }) satisfies z.ZodType<Step>;

/** 特别程序: hearing, inspection, testing, expert review… its time is not counted in the limit. */
export interface SpecialProcedure {
  name: string;
  maxDays: number;
  basis?: string;
}
export const specialProcedureSchema = z.object({
  name: text('特别程序名称', 50),
  maxDays: days('特别程序最长时限'),
  basis: optionalText('特别程序依据', 300),
}) satisfies z.ZodType<SpecialProcedure>;

/** Fees are never blank: either an explicit 不收费, or a standard with its basis. */
export type Fee = { charged: false } | { charged: true; standard: string; basis: string };
export const feeSchema = z.discriminatedUnion(
  'charged',
  [z.object({ charged: z.literal(false) }), z.object({ charged: z.literal(true), standard: text('收费标准', 300), basis: text('收费依据', 300) })],
  { error: '收费标准不能为空：不收费的事项请明确选择“不收费”' },
) satisfies z.ZodType<Fee>;

export type Handling = { mode: 'local' } | { mode: 'delegated'; from: string } | { mode: 'forwarded'; to: string };
export const handlingSchema = z.discriminatedUnion(
  'mode',
  [
    z.object({ mode: z.literal('local') }),
    z.object({ mode: z.literal('delegated'), from: text('下放机关', 100) }),
    z.object({ mode: z.literal('forwarded'), to: text('转报机关', 100) }),
  ],
  { error: '办理方式必须是 本级办理、县级下放 或 受理转报' },
) satisfies z.ZodType<Handling>;

/**
 * 受理 and 承办 (the network): where an item may be taken in, and which office decides it.
 * Places: a village station by commission (全程代办), any township (县域通办), the county center.
 * Absent on an item = today's behaviour: taken in at its levels, decided where it was taken in.
 */
export const INTAKE_PLACES = ['village', 'township', 'county'] as const;
export type IntakePlace = (typeof INTAKE_PLACES)[number];
export const INTAKE_PLACE_LABELS: Record<IntakePlace, string> = { village: '村便民服务站代办', township: '任一乡镇（县域通办）', county: '县政务服务中心' };

/**
 * 承办: the office that takes it in decides it (本级办理, also a township for an item 下放 to it),
 * one named office (a county department: 综合受理 then 转报), or several (联办: a lead — the
 * accepting office unless named — sends parts to the others and closes the case when all answered).
 */
export type Decider = { by: 'accepting' } | { by: 'office'; officeId: string } | { by: 'joint'; lead?: string; parts: string[] };
export const DECIDER_LABELS: Record<Decider['by'], string> = { accepting: '受理机构办理', office: '指定机构承办', joint: '联办' };
const officeRef = (label: string) =>
  z
    .string({ error: `${label}必须是机构编号` })
    .trim()
    .regex(/^\d{6}(-[a-z0-9]+)*$/, `${label}须为机构编号，如 411521-mzj`);
export const deciderSchema = z.discriminatedUnion(
  'by',
  [
    z.object({ by: z.literal('accepting') }),
    z.object({ by: z.literal('office'), officeId: officeRef('承办机构') }),
    z.object({
      by: z.literal('joint'),
      lead: officeRef('牵头机构').optional(),
      parts: z.array(officeRef('联办机构')).min(1, '联办须至少有一个协办机构').max(10, '联办机构不能超过 10 个'),
    }),
  ],
  { error: '承办方式必须是 受理机构办理、指定机构承办 或 联办' },
) satisfies z.ZodType<Decider>;

export interface Faq {
  q: string;
  a: string;
}
export const faqSchema = z.object({ q: text('常见问题', 300), a: text('常见问题的回答', 2000) }) satisfies z.ZodType<Faq>;

export interface Item {
  code: string;
  name: string;
  category: string;
  kind: ItemKind;
  levels: Level[];
  /** 实施机关 (name as published), and the directory office id when it is one of ours. */
  office: string;
  officeId?: string;
  /** 设定和实施依据: one law/article per entry. */
  basis: string[];
  conditions: string[];
  materials: Material[];
  steps: Step[];
  /** Working days. Absent on 即办件. */
  statutoryDays?: number;
  promisedDays?: number;
  specialProcedures: SpecialProcedure[];
  fee: Fee;
  place: string;
  hours: string;
  consultPhone: string;
  complaintPhone: string;
  /** 到现场次数: 0 = 零跑腿, 1 = 最多跑一次. */
  visits: number;
  online: OnlineLevel;
  handling: Handling;
  /** 办理结果是否公开. */
  resultPublished: boolean;
  faq: Faq[];
  /** Extra words people search with (e.g. 身份证 for 居民身份证核发). */
  keywords: string[];
  /** 保管期限 of the case's archive package (shared/archive): 永久, 30 or 10 years; absent: by kind (archive/retention.ts). */
  archiveRetention?: 'permanent' | '30y' | '10y';
  /** Details filled as plausible examples (demo catalog): the guide shows 示例. */
  demo?: boolean;
  /** Where it may be taken in; absent: at its levels (see INTAKE_PLACES). */
  intakeAt?: IntakePlace[];
  /** Who decides (承办); absent: the office that takes it in. */
  decider?: Decider;
}

const list = <T extends z.ZodType>(schema: T, max: number, label: string) => z.array(schema).max(max, `${label}不能超过 ${max} 项`);
const phone = (label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .min(1, `${label}不能为空`)
    .regex(/^[0-9+\-() 、,，转]{3,60}$/, `${label}只能包含数字、-、括号和“转”`);

/** Shape only. Cross-field rules (promised ≤ statutory…) are in checkItemRules, so both report together. */
export const itemShapeSchema = z.object({
  code: itemCodeSchema,
  name: text('事项名称', 100),
  category: text('事项类别', 50),
  kind: z.enum(ITEM_KINDS, { error: '办件类型必须是 即办件、承诺件、联办件 或 上报件' }),
  levels: z
    .array(z.enum(LEVELS, { error: '行使层级必须是 县级、乡级 或 村级' }))
    .min(1, '行使层级至少选择一级')
    .max(3),
  office: text('实施机关', 100),
  officeId: z.string().trim().max(80).optional(),
  basis: list(text('设定和实施依据', 500), 30, '设定和实施依据'),
  conditions: list(text('受理条件', 500), 30, '受理条件'),
  materials: list(materialSchema, 60, '申请材料'),
  steps: list(stepSchema, 20, '办理流程'),
  statutoryDays: days('法定时限').optional(),
  promisedDays: days('承诺时限').optional(),
  specialProcedures: list(specialProcedureSchema, 10, '特别程序'),
  fee: feeSchema,
  place: text('办理地点', 200),
  hours: text('办理时间', 200),
  consultPhone: phone('咨询电话'),
  complaintPhone: phone('投诉电话'),
  visits: z.number({ error: '到现场次数必须是数字' }).int('到现场次数必须是整数').min(0, '到现场次数不能为负数').max(9, '到现场次数不能超过 9 次'),
  online: z.enum(ONLINE_LEVELS, { error: '网办程度必须是 不能网办、网上咨询、网上申报 或 全程网办' }),
  handling: handlingSchema,
  resultPublished: z.boolean({ error: '结果是否公开必须是 是/否' }),
  faq: list(faqSchema, 30, '常见问题'),
  keywords: list(z.string().trim().min(1).max(30, '关键词不能超过 30 个字'), 30, '关键词'),
  demo: z.boolean().optional(),
  archiveRetention: z.enum(['permanent', '30y', '10y'], { error: '保管期限须为 永久 (permanent)、30 年 (30y) 或 10 年 (10y)' }).optional(),
  intakeAt: z
    .array(z.enum(INTAKE_PLACES, { error: '受理地点必须是 村级代办、乡镇 或 县政务服务中心' }))
    .min(1, '受理地点至少选择一处')
    .max(3)
    .optional(),
  decider: deciderSchema.optional(),
}) satisfies z.ZodType<Item>;

export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * The catalog's business rules, with messages that name the field in Chinese. Pure, so the
 * editor, the API and the import dry run refuse exactly the same things.
 */
export const checkItemRules = (item: Item): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  const { kind, statutoryDays, promisedDays } = item;
  if (kind === 'immediate') {
    if (statutoryDays !== undefined && statutoryDays > 0) issues.push({ path: 'statutoryDays', message: '即办件当场办结，不设法定时限：请清空“法定时限”' });
    if (promisedDays !== undefined && promisedDays > 0) issues.push({ path: 'promisedDays', message: '即办件当场办结，不设承诺时限：请清空“承诺时限”' });
  } else {
    if (promisedDays === undefined || promisedDays < 1)
      issues.push({ path: 'promisedDays', message: `${KIND_LABELS[kind]}必须填写“承诺时限”（至少 1 个工作日）` });
    if (statutoryDays !== undefined && statutoryDays < 1) issues.push({ path: 'statutoryDays', message: '“法定时限”至少 1 个工作日；没有法定时限请留空' });
    if (promisedDays !== undefined && statutoryDays !== undefined && promisedDays > statutoryDays)
      issues.push({
        path: 'promisedDays',
        message: `“承诺时限”（${promisedDays} 个工作日）不能超过“法定时限”（${statutoryDays} 个工作日）`,
      });
  }
  item.materials.forEach((m, i) => {
    if (!m.name.trim()) issues.push({ path: `materials.${i}.name`, message: `第 ${i + 1} 项申请材料缺少“材料名称”` });
  });
  const seen = new Map<string, number>();
  item.materials.forEach((m, i) => {
    const prev = seen.get(m.name);
    if (prev !== undefined) issues.push({ path: `materials.${i}.name`, message: `申请材料“${m.name}”重复（第 ${prev + 1} 项和第 ${i + 1} 项）` });
    else seen.set(m.name, i);
  });
  if (new Set(item.levels).size !== item.levels.length) issues.push({ path: 'levels', message: '行使层级有重复' });
  if (item.intakeAt && new Set(item.intakeAt).size !== item.intakeAt.length) issues.push({ path: 'intakeAt', message: '受理地点有重复' });
  const d = item.decider;
  if (d?.by === 'joint') {
    if (item.kind !== 'joint') issues.push({ path: 'kind', message: '由多个机构联办的事项，办件类型须为“联办件”' });
    if (new Set(d.parts).size !== d.parts.length) issues.push({ path: 'decider.parts', message: '联办机构有重复' });
    if (d.lead && d.parts.includes(d.lead)) issues.push({ path: 'decider.parts', message: '牵头机构不能同时是协办机构' });
  }
  if (item.visits > 1 && item.kind === 'immediate') issues.push({ path: 'visits', message: '即办件“到现场次数”不能超过 1 次（最多跑一次）' });
  return issues;
};

export type ParseResult = { ok: true; item: Item } | { ok: false; issues: FieldIssue[] };

/** Shape then rules; never throws. */
export const parseItem = (input: unknown): ParseResult => {
  const r = itemShapeSchema.safeParse(input);
  if (!r.success) return { ok: false, issues: fieldIssues(r.error) };
  const item = normalizeItem(r.data);
  const issues = checkItemRules(item);
  return issues.length ? { ok: false, issues } : { ok: true, item };
};

/** Drops empty optionals and 0-day limits on 即办件 so equal items serialize equally (import diffing, ETags). */
export const normalizeItem = (item: Item): Item => {
  const out = { ...item } as Item & Record<string, unknown>;
  for (const k of Object.keys(out)) if (out[k] === undefined || out[k] === '') delete out[k];
  if (out.kind === 'immediate') {
    if (out.statutoryDays === 0) delete out.statutoryDays;
    if (out.promisedDays === 0) delete out.promisedDays;
  }
  out.materials = item.materials.map((m) => {
    const mm = { ...m } as Material & Record<string, unknown>;
    for (const k of Object.keys(mm)) if (mm[k] === undefined || mm[k] === '') delete mm[k];
    return mm;
  });
  out.steps = item.steps.map((s) => (s.description ? s : { name: s.name }));
  out.specialProcedures = item.specialProcedures.map((s) => (s.basis ? s : { name: s.name, maxDays: s.maxDays }));
  if (!out.demo) delete out.demo;
  if (!out.officeId) delete out.officeId;
  return out;
};

/** Stable JSON (sorted keys) for comparing items and hashing responses. */
export const stableJson = (v: unknown): string =>
  JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : val,
  );

export const sameItem = (a: Item, b: Item): boolean => stableJson(normalizeItem(a)) === stableJson(normalizeItem(b));

/** What the public list shows of an item. */
export interface ItemSummary {
  code: string;
  name: string;
  category: string;
  kind: ItemKind;
  promisedDays?: number;
  statutoryDays?: number;
  levels: Level[];
  office: string;
  visits: number;
  online: OnlineLevel;
  charged: boolean;
  demo?: boolean;
}
export const summaryOf = (item: Item): ItemSummary => ({
  code: item.code,
  name: item.name,
  category: item.category,
  kind: item.kind,
  ...(item.promisedDays !== undefined ? { promisedDays: item.promisedDays } : {}),
  ...(item.statutoryDays !== undefined ? { statutoryDays: item.statutoryDays } : {}),
  levels: item.levels,
  office: item.office,
  visits: item.visits,
  online: item.online,
  charged: item.fee.charged,
  ...(item.demo ? { demo: true } : {}),
});
