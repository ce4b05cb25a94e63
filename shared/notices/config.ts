import * as z from 'zod';
import { configSection, runtimeConfig } from '../platform/runtime-config.ts';
import { NOTICE_EVENTS, type NoticeEvent } from './model.ts';

/**
 * A county's notices settings (`notices` in infra/counties/<code>.json; NOTICES_JSON in the
 * functions' environment). The template registry names, per event, the provider's approved
 * template code; its text is Bianmin's standard wording (STANDARD_TEMPLATES, submitted to the
 * provider as written) unless the county's approved text differs (`text`).
 */
export const PROVIDERS = ['aliyun', 'tencent', 'webhook', 'off'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** Variable length rules of the providers' notice templates (characters), and one SMS segment. */
export const PROVIDER_LIMITS: Record<Exclude<Provider, 'off'>, { maxVar: number; maxText: number }> = {
  // Alibaba Cloud: a notice template's variable 1–35 characters; a whole text at most 500 with its signature
  aliyun: { maxVar: 35, maxText: 500 },
  // Tencent Cloud: variables of notice templates are kept short; long texts are split like Alibaba's
  tencent: { maxVar: 20, maxText: 500 },
  // the county's own platform: its own rules; Bianmin keeps a text to a few segments all the same
  webhook: { maxVar: 100, maxText: 500 },
};
/** One segment holds 70 characters; a longer text is sent as parts of 67. */
export const SEGMENT = 70;
export const LONG_SEGMENT = 67;

const templateSchema = z.object({
  code: z.string().trim().min(1, '请填写模板编号（服务商审核通过的模板 CODE / ID）').max(40),
  approved: z.boolean().default(false),
  /** The approved text with ${var} placeholders, when it differs from the standard wording. */
  text: z.string().trim().min(4).max(300).optional(),
  /** At most this many segments (70 characters one, 67 each of a long text). */
  maxSegments: z.number().int().min(1).max(7).default(3),
  /** Per-variable length limits the provider approved beyond its default (e.g. a link). */
  varLimits: z.record(z.string().max(20), z.number().int().min(1).max(200)).optional(),
});
export type TemplateConfig = z.output<typeof templateSchema>;

export const noticesSchema = z
  .object({
    provider: z.enum(PROVIDERS, { message: '短信通道须为 aliyun / tencent / webhook / off' }),
    /** The signature (签名) the provider approved, without 【】. */
    signName: z.string().trim().min(2, '请填写短信签名').max(20, '短信签名不超过 20 字').optional(),
    /** The provider's API endpoint (default: its public one); the webhook's URL. */
    endpoint: z.url('请填写有效的接口地址').optional(),
    /** Tencent: the SMS application's SdkAppId and the API region. */
    sdkAppId: z.string().max(20).optional(),
    region: z.string().max(30).optional(),
    /** Texts to one phone per Beijing day, below the provider's own cap (Alibaba: 50 a day per phone and template). */
    dailyCapPerPhone: z.number().int().min(1).max(40).default(20),
    /** The citizens' site the status link points to (https://<domain>); default: the county's domain. */
    siteUrl: z.url().optional(),
    templates: z.partialRecord(z.enum(NOTICE_EVENTS), templateSchema).default({}),
  })
  .superRefine((n, ctx) => {
    if ((n.provider === 'aliyun' || n.provider === 'tencent') && !n.signName)
      ctx.addIssue({ code: 'custom', path: ['signName'], message: '短信通道须填写签名' });
    if (n.provider === 'tencent' && !n.sdkAppId) ctx.addIssue({ code: 'custom', path: ['sdkAppId'], message: '腾讯云短信须填写 SdkAppId' });
    if (n.provider === 'webhook' && !n.endpoint) ctx.addIssue({ code: 'custom', path: ['endpoint'], message: '政务短信平台须填写接口地址' });
  });
export type NoticesConfig = z.output<typeof noticesSchema>;

export const NOTICES_OFF: NoticesConfig = { provider: 'off', dailyCapPerPhone: 20, templates: {} };

/**
 * Bianmin's standard wording, one per event: what a county submits to its provider for approval.
 * Variables: item (事项), number (受理编号), due (承诺日期), link (查询链接 with the 查询码),
 * missing (补正材料, shortened to fit), reason (不予受理理由, shortened to fit).
 */
export const STANDARD_TEMPLATES: Record<NoticeEvent, string> = {
  accepted: '您申请的${item}已受理，受理编号${number}，承诺${due}前办结。查询：${link}',
  supplement_required: '您申请的${item}需补正材料：${missing}。请一次补齐后到受理窗口办理。',
  refused: '您申请的${item}不予受理，原因：${reason}。详见不予受理通知书。',
  decided: '您申请的${item}（受理编号${number}）已办结，请持受理凭证到受理窗口领取结果。',
  delivered: '您申请的${item}（受理编号${number}）的办理结果已送达。',
  rating_invite: '欢迎对${item}（受理编号${number}）的办理作出评价：${link}',
};

/** Variables shortened to fit their limit (the rest must fit as they are, or the text is refused). */
export const SHORTENED_VARS = new Set(['missing', 'reason']);

/** Compact form for the functions' environment (Lambda's 4 KB): the county's templates only, texts only when they differ. */
export const noticesEnv = (n: NoticesConfig | undefined): string => JSON.stringify(n ?? NOTICES_OFF);

const noticesSection = configSection('NOTICES_JSON', noticesSchema.optional(), undefined);

/** The county's notices settings as the functions read them (off when unset); locally the fake provider stands in for its endpoint. */
export const noticesConfig = (): NoticesConfig => {
  const n = noticesSection.get();
  const override = runtimeConfig().noticeEndpointOverride;
  return n ? { ...n, ...(override ? { endpoint: override } : {}) } : NOTICES_OFF;
};
