import * as z from 'zod';
import { MOBILE_PHONE } from '../schema/phone.ts';
import type { ItemKind } from '../catalog/item.ts';
import type { Sealed } from './ports.ts';
import type { CaseTask, CommissionLink, HandBack, Transfer } from './hops.ts';
import { isValidIdNumber } from './identity-numbers.ts';
import { yuanAmount } from '../schema/money.ts';

/** 办件 and its lifecycle: 受理 → 承办 → 办结 → 送达. */
export const CASE_STATUSES = ['awaiting_supplement', 'accepted', 'in_progress', 'suspended', 'decided', 'delivered', 'not_accepted', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const STATUS_LABELS: Record<CaseStatus, string> = {
  awaiting_supplement: '待补正',
  accepted: '已受理',
  in_progress: '办理中',
  suspended: '特别程序中',
  decided: '已办结',
  delivered: '已送达',
  not_accepted: '不予受理',
  withdrawn: '已撤回',
};

/** The office id of the county-wide daily counters (every office's counts are added there too). */
export const COUNTY_TOTAL = '*';

/** Statuses in which the promise runs (the case sits in the open-by-due index). */
export const RUNNING: readonly CaseStatus[] = ['accepted', 'in_progress'];

export interface Applicant {
  type: 'person' | 'organisation';
  name: string;
  nameMasked: string;
  idMasked: string;
  phoneMasked: string;
  /** Last four digits of the phone: the citizen's key to the status page. */
  phone4: string;
  sealed: Sealed;
  /** Unified social credit code failed its check digit: accepted with a warning. */
  idWarning?: string;
}

export interface Suspension {
  procedure: string;
  from: string;
  to?: string;
  expectedDays: number;
  notice: string;
}

export interface CaseRecord {
  id: string;
  number: string;
  countyCode: string;
  officeId: string;
  /** The office the case was handed to (转报/交办) and when; set while another office than `officeId` holds it. */
  handedTo?: string;
  handedAt?: string;
  /** The office whose hands it is in (acts, lists it); absent on older cases: `handedTo ?? officeId`. */
  handlingOfficeId?: string;
  /** Offices that see the case besides the one that took it in (the deciding office, task offices, the village station). */
  parties?: string[];
  /** The office the catalog says decides it, when not the one that took it in (转报 goes there). */
  routedTo?: string;
  /** The current (or last) 转报 and its 回复. */
  transfer?: Transfer;
  /** 交办 tasks and 联办 parts. */
  tasks?: CaseTask[];
  /** Taken in from a 全程代办 commission; the result goes back (回交) to its station. */
  commission?: CommissionLink;
  handBack?: HandBack;
  itemCode: string;
  itemVersion: number;
  itemName: string;
  kind: ItemKind;
  promisedDays: number;
  statutoryDays: number;
  applicant: Applicant;
  materialsReceived: string[];
  missingMaterials: string[];
  status: CaseStatus;
  createdAt: string;
  acceptedAt?: string;
  acceptedOn?: string;
  dueDate?: string;
  dueAt?: string;
  dueProvisional?: boolean;
  suspensions: Suspension[];
  extension?: { days: number; reason: string; approvedBy: string; at: string };
  decision?: { result: 'approved' | 'refused'; reason?: string; at: string; onTime: boolean; by: string };
  fees?: { amount: number; receiptNo: string; at: string };
  delivery?: { method: 'pickup' | 'post' | 'e_notice' | 'agent'; signedBy: string; at: string; by?: string };
  /** 不予受理: the 法定情形 it rests on, the clerk's reason, and where the applicant should turn instead ('' when nowhere). */
  notAccepted?: { ground?: NotAcceptedGround; reason: string; referTo: string };
  withdrawal?: { reason: string; at: string };
  /** 即办件 not decided on the day of acceptance. */
  immediateLate?: boolean;
  createdBy: string;
  /**
   * 查询码: printed in the receipt's QR link, so a citizen who scans types nothing; random (50 bits),
   * unlike the sequential number, and not capped like the typed number + phone4 look-up.
   */
  queryCode?: string;
  /** The applicant declined texts at intake (告知 is then given at the window only). */
  noticesDeclined?: boolean;
  version: number;
}

const PHONE = MOBILE_PHONE;

/**
 * Every free text has a ceiling: a case item must stay far below DynamoDB's 400 KB whatever is
 * typed, or it could never be updated again.
 */
export const REASON_MAX = 500;
export const NOTE_MAX = 1000;
const material = z.string().trim().min(1, '材料名称不能为空').max(100, '材料名称不能超过 100 字');

export const applicantInput = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.literal('person'),
      name: z.string().trim().min(1, '请填写申请人姓名').max(50, '姓名过长'),
      idNumber: z
        .string()
        .trim()
        .max(18, '居民身份证号码为 18 位')
        .toUpperCase()
        .refine(isValidIdNumber, '居民身份证号码有误（请核对 18 位号码及最后一位校验码）'),
      phone: z.string().trim().max(11, '请填写 11 位手机号码').regex(PHONE, '请填写 11 位手机号码'),
    }),
    z.object({
      type: z.literal('organisation'),
      name: z.string().trim().min(1, '请填写单位名称').max(100, '单位名称过长'),
      creditCode: z
        .string()
        .trim()
        .max(18, '统一社会信用代码为 18 位')
        .toUpperCase()
        .regex(/^[0-9A-Z]{18}$/, '统一社会信用代码为 18 位数字或大写字母'),
      phone: z.string().trim().max(11, '请填写 11 位联系手机号码').regex(PHONE, '请填写 11 位联系手机号码'),
    }),
  ],
  { error: '申请人类型须为个人 (person) 或单位 (organisation)' },
);

/**
 * The 法定情形 of a 不予受理 (《行政许可法》第三十二条): the notice differs by ground — only a matter
 * outside this office's remit sends the applicant to another office, which the clerk names.
 */
export const NOT_ACCEPTED_GROUNDS = ['not-eligible', 'not-competent', 'not-required'] as const;
export type NotAcceptedGround = (typeof NOT_ACCEPTED_GROUNDS)[number];
export const NOT_ACCEPTED_GROUND_LABELS: Record<NotAcceptedGround, string> = {
  'not-eligible': '申请人不符合条件或申请不符合法定要求',
  'not-competent': '不属于本机关职权范围',
  'not-required': '依法不需要办理（不需取得行政许可）',
};
export const REFER_TO_MAX = 200;

export const notAcceptedInput = z
  .object({
    ground: z.enum(NOT_ACCEPTED_GROUNDS, { error: '不予受理的情形须为 not-eligible、not-competent 或 not-required' }).default('not-eligible'),
    reason: z.string().trim().min(4, '请写明不予受理的理由').max(REASON_MAX, `理由不能超过 ${REASON_MAX} 字`),
    referTo: z.string().trim().max(REFER_TO_MAX, `受理机关不能超过 ${REFER_TO_MAX} 字`).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.ground === 'not-competent' && !v.referTo) ctx.addIssue({ code: 'custom', path: ['referTo'], message: '请写明应向哪个机关申请' });
  });

export const intakeBody = z.object({
  itemCode: z.string().trim().min(1, '请选择事项').max(40, '事项编码过长'),
  applicant: applicantInput,
  materialsReceived: z.array(material).max(60, '材料不能超过 60 项').default([]),
  /** Set when the clerk finds the item not handled here or the applicant not eligible. */
  notAccepted: notAcceptedInput.optional(),
  /** The applicant declines texts (受理、办结… notices): they are told at the window only. */
  declineNotices: z.boolean({ error: '是否接收短信须为 true 或 false' }).optional(),
});
export type IntakeInput = z.output<typeof intakeBody>;

const expectedVersion = z.number({ error: '缺少办件版本号 expectedVersion' }).int().min(1).max(1_000_000);

export const actionBodies = {
  supplement: z.object({ expectedVersion, materialsReceived: z.array(material).min(1, '请勾选补交的材料').max(60, '材料不能超过 60 项') }),
  start: z.object({ expectedVersion }),
  suspend: z.object({
    expectedVersion,
    procedure: z.string().trim().min(1, '请选择特别程序').max(100, '特别程序名称过长'),
    expectedDays: z.number({ error: '请填写预计天数' }).int().min(1, '预计天数至少 1 天').max(365),
    notice: z.string().trim().min(4, '请填写告知申请人的内容').max(NOTE_MAX, `告知内容不能超过 ${NOTE_MAX} 字`),
  }),
  resume: z.object({ expectedVersion }),
  extend: z.object({
    expectedVersion,
    days: z.number({ error: '请填写延长天数' }).int().min(1, '延长天数至少 1 天').max(365, '延长天数不能超过 365 天'),
    reason: z.string().trim().min(4, '请写明延期理由').max(REASON_MAX, `理由不能超过 ${REASON_MAX} 字`),
  }),
  decide: z.discriminatedUnion(
    'result',
    [
      z.object({ expectedVersion, result: z.literal('approved') }),
      z.object({
        expectedVersion,
        result: z.literal('refused'),
        reason: z.string().trim().min(4, '退办须写明理由').max(REASON_MAX, `理由不能超过 ${REASON_MAX} 字`),
      }),
    ],
    { error: '办理结果须为 approved（准予）或 refused（退办）' },
  ),
  fees: z.object({
    expectedVersion,
    amount: yuanAmount(1_000_000),
    receiptNo: z.string().trim().min(1, '请填写票据号').max(50, '票据号不能超过 50 字'),
  }),
  deliver: z.object({
    expectedVersion,
    method: z.enum(['pickup', 'post', 'e_notice'], { error: '送达方式须为 自取、邮寄 或 电子告知' }),
    signedBy: z.string().trim().min(1, '请填写签收人').max(50, '签收人不能超过 50 字'),
  }),
  withdraw: z.object({ expectedVersion, reason: z.string().trim().min(2, '请填写撤回原因').max(REASON_MAX, `原因不能超过 ${REASON_MAX} 字`) }),
};

export const caseIdParams = z.object({ id: z.string().uuid('办件编号有误') });
