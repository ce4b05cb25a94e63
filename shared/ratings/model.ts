import * as z from 'zod';
import { calendarMonth } from '../schema/date.ts';

export { LEVELS, LEVEL_LABELS, isBad, isSatisfied, BAD_REASONS, type Level } from './levels.ts';
import type { Level } from './levels.ts';

/** Where the rating came from: the window's evaluator, the receipt's QR, the status page, a hotline entry by staff. */
export const CHANNELS = ['window', 'qr', 'web', 'hotline'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { window: '窗口评价器', qr: '受理凭证二维码', web: '进度查询页', hotline: '热线' };
/**
 * What the public route may claim: a citizen without a login rates from the receipt's QR or the
 * status page. 窗口评价器 ratings come only from the evaluator's session and hotline ratings only
 * from staff under their own name (POST /api/ratings), or anyone holding the key could fake them.
 */
export const PUBLIC_CHANNELS = ['qr', 'web'] as const satisfies readonly Channel[];

/** Optional on-site dimensions (现场评价): 服务效率, 服务水平, 服务态度. */
export const DIMENSIONS = ['efficiency', 'skill', 'attitude'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const DIMENSION_LABELS: Record<Dimension, string> = { efficiency: '服务效率', skill: '服务水平', attitude: '服务态度' };
export type Dimensions = Partial<Record<Dimension, Level>>;

/** One follow-up (追评) to a rating; a level given here becomes the rating's level in the statistics. */
export interface FollowUp {
  text: string;
  level?: Level;
  reason?: string;
  at: string;
}

/** A rating of a case (一事一评): one per case, kept forever; an upheld appeal voids it for the statistics only. */
export interface Rating {
  caseId: string;
  number: string;
  countyCode: string;
  itemCode: string;
  itemName: string;
  /** The office that handled the case (谁办理谁负责): the one handed to, else the one that accepted. */
  officeId: string;
  /** The office that accepted the case. */
  acceptedBy: string;
  /** The staff evaluated: who decided the case, else who accepted it (username). */
  staff: string;
  applicantType: 'person' | 'organisation';
  level: Level;
  reason?: string;
  dimensions?: Dimensions;
  channel: Channel;
  at: string;
  /** Beijing month (YYYY-MM) of `at`: the statistics month of this rating, for ever. */
  month: string;
  /** Staff who entered it (window evaluator, hotline). */
  enteredBy?: string;
  followUp?: FollowUp;
  /** Set by an upheld appeal: kept in the record, removed from the statistics. */
  voided?: { at: string; by: string; reason: string };
}

/** The level the statistics count: the follow-up's when it gave one. */
export const effectiveLevel = (r: Pick<Rating, 'level' | 'followUp'>): Level => r.followUp?.level ?? r.level;

/** 差评整改 statuses: open (回访 and 整改 to do), appealed (申诉 under review), rectified (closed), voided (appeal upheld). */
export const TASK_STATUSES = ['open', 'appealed', 'rectified', 'voided'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { open: '待整改', appealed: '申诉复核中', rectified: '已整改', voided: '申诉成立（不计入统计）' };
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['open', 'appealed'];

export interface Callback {
  /** When the citizen was called (the head enters it; defaults to when it was recorded). */
  calledAt: string;
  by: string;
  /** What was said. */
  note: string;
  /** Whether the citizen was reached. */
  reached: boolean;
  at: string;
}

export interface Appeal {
  reason: string;
  at: string;
  by: string;
  decision?: { upheld: boolean; reason: string; at: string; by: string };
}

/** The rectification task of a 差评, for the head of the handling office. */
export interface RectificationTask {
  caseId: string;
  number: string;
  itemName: string;
  officeId: string;
  /** The rating's statistics month. */
  month: string;
  ratedAt: string;
  level: Level;
  reason: string;
  channel: Channel;
  /** 回访 within N working days (end of that China day). */
  callbackDueDate: string;
  callbackDueAt: string;
  /** 整改 within N working days. */
  rectifyDueDate: string;
  rectifyDueAt: string;
  /** A year without calendar data was crossed: weekends only (flagged, never silent). */
  provisional: boolean;
  status: TaskStatus;
  callback?: Callback;
  rectification?: { measures: string; answer: string; at: string; by: string };
  appeal?: Appeal;
  /** When each overdue alert was raised (once each). */
  alerts?: { callback?: string; rectify?: string };
  closedAt?: string;
  createdAt: string;
  version: number;
}

// ---------- HTTP bodies ----------

const level = z
  .number({ error: '请选择评价等级（1–5）' })
  .int('评价等级须为 1–5 的整数')
  .min(1, '评价等级须为 1–5')
  .max(5, '评价等级须为 1–5')
  .transform((n) => n as Level);
const reason = z.string().trim().min(2, '请写明不满意的原因').max(300, '原因最多 300 字');
const dimensions = z
  .strictObject({ efficiency: level.optional(), skill: level.optional(), attitude: level.optional() }, { error: '评价维度只有服务效率、服务水平、服务态度' })
  .optional();

/** 差评 need a reason: the field path is `reason`. */
const needReason = <T extends { level: number; reason?: string | undefined }>(v: T, ctx: z.RefinementCtx) => {
  if (v.level <= 2 && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '差评（不满意、非常不满意）须选择或填写原因' });
};

/** The citizen's key to a case: the last four phone digits, or the receipt's random query code. */
const citizenKey = {
  phone4: z
    .string()
    .trim()
    .max(4, '请填写手机号后四位')
    .regex(/^\d{4}$/, '请填写手机号后四位')
    .optional(),
  code: z.string().trim().min(4, '查询码有误').max(32, '查询码有误').optional(),
};
const needKey = (v: { phone4?: string | undefined; code?: string | undefined }, ctx: z.RefinementCtx) => {
  if (!v.phone4 && !v.code) ctx.addIssue({ code: 'custom', path: ['phone4'], message: '请填写手机号后四位（或受理凭证上的查询码）' });
};

export const caseNumberParams = z.object({
  number: z
    .string()
    .max(40, '受理编号过长')
    .regex(/^\d{6}-\d{8}-\d{4,}$/, '受理编号格式如 411521-20261122-0042'),
});

export const publicRatingBody = z
  .object({
    ...citizenKey,
    level,
    reason: reason.optional(),
    dimensions,
    channel: z.enum(PUBLIC_CHANNELS, { error: '评价渠道须为 qr（受理凭证二维码）或 web（进度查询页）；窗口和热线评价由工作人员录入' }).default('web'),
  })
  .superRefine((v, ctx) => {
    needKey(v, ctx);
    needReason(v, ctx);
  });
export type PublicRatingInput = z.output<typeof publicRatingBody>;

export const publicKeyQuery = z.object(citizenKey).superRefine(needKey);
export type PublicKeyInput = z.output<typeof publicKeyQuery>;

export const followUpBody = z
  .object({
    ...citizenKey,
    text: z.string({ error: '请填写追评内容' }).trim().min(2, '请填写追评内容').max(300, '追评最多 300 字'),
    level: level.optional(),
    reason: reason.optional(),
  })
  .superRefine((v, ctx) => {
    needKey(v, ctx);
    if (v.level !== undefined) needReason({ level: v.level, reason: v.reason }, ctx);
  });
export type FollowUpInput = z.output<typeof followUpBody>;

/**
 * The clerk puts the case just handled on the window's evaluator — with `caseIds`, every case of
 * the visit (a hall ticket's cases, 一次一评): one tap rates each of them.
 */
export const evaluatorPushBody = z.object({
  caseId: z.string().uuid('办件编号有误'),
  caseIds: z.array(z.string().uuid('办件编号有误')).max(20, '一次最多评价 20 件').optional(),
});

/** A rating entered at the window (the citizen taps a face) or from a hotline call. */
export const staffRatingBody = z
  .object({
    caseId: z.string().uuid('办件编号有误'),
    level,
    reason: reason.optional(),
    dimensions,
    channel: z.enum(['window', 'hotline'], { error: '渠道须为 window 或 hotline' }).default('window'),
  })
  .superRefine(needReason);
export type StaffRatingInput = z.output<typeof staffRatingBody>;

const expectedVersion = z.number({ error: '缺少版本号 expectedVersion' }).int().min(1);
/** A required text: the same Chinese message whether it is missing, blank or too short. */
const text = (min: number, message: string, max: number) => z.string({ error: message }).trim().min(min, message).max(max, `最多 ${max} 字`);
export const taskParams = z.object({ caseId: z.string().uuid('办件编号有误') });

export const callbackBody = z.object({
  expectedVersion,
  calledAt: z.iso.datetime({ offset: true, error: '回访时间格式有误' }).optional(),
  note: text(4, '请记录回访情况（群众意见、沟通内容）', 1000),
  reached: z.boolean({ error: '请选择是否联系上群众' }).default(true),
});
export const rectifyBody = z.object({
  expectedVersion,
  measures: text(4, '请填写整改措施', 2000),
  answer: text(4, '请填写答复群众的内容', 1000),
});
export const appealBody = z.object({ expectedVersion, reason: text(10, '申诉理由至少 10 字，并说明恶意差评的依据', 2000) });
export const appealDecisionBody = z.object({
  expectedVersion,
  upheld: z.boolean({ error: '请选择申诉是否成立' }),
  reason: text(4, '请写明复核意见', 2000),
});

export const monthQuery = z.object({ month: calendarMonth });
export const taskListQuery = z.object({
  view: z.enum(['open', 'appealed', 'closed'], { error: '列表类型须为 open、appealed 或 closed' }).default('open'),
  month: monthQuery.shape.month.optional(),
  officeId: z.string().max(80).optional(),
});
