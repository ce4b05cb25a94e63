import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { ROLES, SCOPES } from '../../shared/platform/scopes.ts';
import { rulesSchema } from '../../shared/supervision/rules.ts';
import { webhookSchema } from '../../shared/supervision/webhooks.ts';
import { noticesSchema } from '../../shared/notices/config.ts';
import { exchangeSchema } from '../../shared/exchange/config.ts';
import { checkOperations, operationsFields } from './operations.ts';
import { hallSettingsSchema } from '../../shared/hall/settings.ts';
import { checkConcurrency, concurrencySchema } from './concurrency.ts';

/**
 * A county's deployment, as data (`infra/counties/<code>.json`). One file = one stack set.
 * Validated once, with Chinese messages naming the field, before anything is synthesized.
 */
const officeKinds = ['county_center', 'department', 'township', 'village'] as const;

interface OfficeInput {
  id: string;
  name: string;
  kind: (typeof officeKinds)[number];
  demo?: boolean | undefined;
  phone?: string | undefined;
  address?: string | undefined;
  children?: OfficeInput[] | undefined;
}

const officeSchema: z.ZodType<OfficeInput> = z.lazy(() =>
  z.object({
    id: z.string().regex(/^\d{6}(-[a-z0-9]+)*$/, '机构编号须以县区代码开头，如 411521-lingshan'),
    name: z.string().min(2, '请填写机构名称'),
    kind: z.enum(officeKinds, { message: '机构类型须为 county_center / department / township / village' }),
    demo: z.boolean().optional(),
    phone: z.string().optional(),
    address: z.string().optional(),
    children: z.array(officeSchema).optional(),
  }),
);

const countyConfigSchema = z
  .object({
    code: z.string().regex(/^\d{6}$/, '县区代码须为 6 位数字'),
    name: z.string().min(2, '请填写县区名称'),
    region: z.string().regex(/^(cn|us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d$/, '请填写有效的 AWS 区域，如 cn-north-1'),
    account: z
      .string()
      .regex(/^\d{12}$/, 'AWS 账号须为 12 位数字')
      .optional(),
    offices: officeSchema,
    alerts: z
      .object({
        emails: z.array(z.email('请填写有效的邮箱')).default([]),
        // a URL, or { url, format: json | wecom (企业微信/政务微信) | dingtalk (钉钉/政务钉钉), name }
        webhooks: z.array(webhookSchema).default([]),
      })
      .default({ emails: [], webhooks: [] }),
    thresholds: z
      .object({
        yellowCardWorkdays: z.number().int().min(0).max(10).default(2),
        apiRateLimit: z.number().int().positive().default(200),
        apiBurstLimit: z.number().int().positive().default(400),
        /** Per public route (search, guide, status, login): a flood of public requests can't starve the windows. */
        publicRateLimit: z.number().int().positive().default(50),
        publicBurstLimit: z.number().int().positive().default(100),
      })
      .default({ yellowCardWorkdays: 2, apiRateLimit: 200, apiBurstLimit: 400, publicRateLimit: 50, publicBurstLimit: 100 }),
    /** Phase limits of the network's hops, in working days (移交 within, 签收 within). */
    phaseLimits: z
      .object({
        handOverWorkdays: z.number().int().min(0, '移交时限不能为负数').max(10, '移交时限不能超过 10 个工作日').default(1),
        receiveWorkdays: z.number().int().min(0, '签收时限不能为负数').max(10, '签收时限不能超过 10 个工作日').default(1),
      })
      .default({ handOverWorkdays: 1, receiveWorkdays: 1 }),
    // 电子监察 rules (shared/supervision/rules.ts: defaults and meaning); yellowLeadWorkdays falls back to thresholds.yellowCardWorkdays
    supervision: rulesSchema.optional(),
    /**
     * Named on the 不予受理通知书 (行政复议法 第20条: 60 days; 行政诉讼法 第46条: 6 months). Defaults, in the
     * web: 复议机关 = 「<county name>人民政府」, court = 「<county name>人民法院」.
     */
    legal: z.object({ reviewBody: z.string().min(2).optional(), court: z.string().min(2).optional() }).optional(),
    /** The service center on the citizens' front door (address, hours, phones). Without it the page shows a 示例 block. */
    center: z
      .object({
        name: z.string().min(2),
        address: z.string().min(2),
        hours: z.string().min(2),
        phones: z.array(z.object({ label: z.string().min(1), number: z.string().min(3) })).default([]),
      })
      .optional(),
    /** 差评整改 limits in working days (国办发〔2019〕51号: callback within 1, rectification within 15; local rules may differ). */
    ratings: z
      .object({
        callbackWorkdays: z.number().int().min(1, '差评回访时限至少 1 个工作日').max(5, '差评回访时限最多 5 个工作日').default(1),
        rectifyWorkdays: z.number().int().min(1, '差评整改时限至少 1 个工作日').max(30, '差评整改时限最多 30 个工作日').default(15),
      })
      .default({ callbackWorkdays: 1, rectifyWorkdays: 15 }),
    /** Texts to applicants (受理, 一次性告知, 办结…): channel, signature, template registry (shared/notices/config.ts). Absent: none. */
    notices: noticesSchema.optional(),
    /** The provincial exchange (shared/exchange/config.ts): the province profile (codes/<id>.json) and its endpoint. Absent: records kept, none pushed. */
    exchange: exchangeSchema.optional(),
    auditRetentionDays: z.number().int().min(365, '审计记录至少保存 365 天').default(1095),
    totpForAll: z.boolean().default(false),
    roleScopes: z.partialRecord(z.enum(ROLES), z.array(z.enum(SCOPES))).optional(),
    domain: z.object({ name: z.string().min(3, '请填写域名'), certificateArn: z.string().startsWith('arn:', '请填写证书 ARN') }).optional(),
    cloudFront: z.boolean().default(false),
    /** The hall: opening hours, slots and item groups, queues and windows per office; booking horizon, no-show rule (shared/hall/settings.ts). */
    hall: hallSettingsSchema.optional(),
    ...operationsFields,
    /** Reserved concurrency per function group and the account's quota (infra/config/concurrency.ts). */
    concurrency: concurrencySchema,
  })
  .superRefine((c, ctx) => {
    if (c.offices.kind !== 'county_center')
      ctx.addIssue({ code: 'custom', path: ['offices', 'kind'], message: '机构树的根须为县政务服务中心 (county_center)' });
    if (c.ratings.callbackWorkdays > c.ratings.rectifyWorkdays)
      ctx.addIssue({ code: 'custom', path: ['ratings', 'callbackWorkdays'], message: '差评回访时限不能长于整改时限' });
    if (c.cloudFront && c.region.startsWith('cn-') && !c.domain)
      ctx.addIssue({ code: 'custom', path: ['domain'], message: '中国区启用 CloudFront 须配置已备案 (ICP) 的自有域名和证书' });
    const seen = new Set<string>();
    const walk = (o: OfficeInput, path: (string | number)[]) => {
      if (seen.has(o.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `机构编号重复：${o.id}` });
      if (!o.id.startsWith(c.code)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `机构编号须以县区代码 ${c.code} 开头` });
      seen.add(o.id);
      o.children?.forEach((ch, i) => walk(ch, [...path, 'children', i]));
    };
    walk(c.offices, ['offices']);
    c.hall?.offices.forEach((o, i) => {
      if (!seen.has(o.officeId)) ctx.addIssue({ code: 'custom', path: ['hall', 'offices', i, 'officeId'], message: `机构树中没有 ${o.officeId}` });
    });
    checkOperations(c, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
    checkConcurrency(c.concurrency, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
  });

export type CountyConfig = z.output<typeof countyConfigSchema>;
export type Office = OfficeInput;

export class CountyConfigError extends Error {}

export const parseCountyConfig = (raw: unknown, source = 'county config'): CountyConfig => {
  const r = countyConfigSchema.safeParse(raw);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `  ${i.path.join('.') || '(根)'}: ${i.message}`);
  throw new CountyConfigError(`县区配置有误 (${source})：\n${lines.join('\n')}`);
};

const COUNTIES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'counties');

export const listCountyCodes = (): string[] =>
  readdirSync(COUNTIES_DIR)
    .filter((f) => /^\d{6}\.json$/.test(f))
    .map((f) => f.slice(0, 6))
    .sort();

export const loadCountyConfig = (code: string): CountyConfig => {
  if (!/^\d{6}$/.test(code)) throw new CountyConfigError(`县区代码须为 6 位数字：${code}`);
  const file = join(COUNTIES_DIR, `${code}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CountyConfigError(`无法读取县区配置 infra/counties/${code}.json：${(e as Error).message}`);
  }
  const config = parseCountyConfig(raw, `infra/counties/${code}.json`);
  if (config.code !== code) throw new CountyConfigError(`infra/counties/${code}.json 中的 code 为 ${config.code}，与文件名不符`);
  return config;
};

/** Every office of the tree, depth first, with its parent id. */
export const flattenOffices = (root: Office): Array<Office & { parentId: string | null }> => {
  const out: Array<Office & { parentId: string | null }> = [];
  const walk = (o: Office, parentId: string | null) => {
    out.push({ ...o, parentId });
    o.children?.forEach((c) => walk(c, o.id));
  };
  walk(root, null);
  return out;
};
