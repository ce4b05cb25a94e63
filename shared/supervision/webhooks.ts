import { createHash } from 'node:crypto';
import * as z from 'zod';
import { configSection } from '../platform/runtime-config.ts';
import type { Notice } from './notices.ts';

/**
 * The county's webhooks: plain JSON, or the robot formats of 企业微信 and 钉钉 (whose government
 * editions, 政务微信 and 浙政钉/政务钉钉, counties use: they speak the same message format on their
 * own hosts, so the format can be named rather than guessed from the host).
 */
export const WEBHOOK_FORMATS = ['json', 'wecom', 'dingtalk'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export interface WebhookTarget {
  url: string;
  format: WebhookFormat;
  name?: string;
}

/** The format a bare URL most likely speaks (the public robot hosts); anything else is JSON. */
export const formatOfUrl = (url: string): WebhookFormat => {
  const host = (() => {
    try {
      return new URL(url).hostname;
    } catch {
      return '';
    }
  })();
  if (host === 'qyapi.weixin.qq.com') return 'wecom';
  if (host === 'oapi.dingtalk.com') return 'dingtalk';
  return 'json';
};

/** A webhook as the county config writes it: a URL, or `{ url, format, name }`. */
export const webhookSchema = z.union([
  z.url('请填写有效的网址'),
  z.object({
    url: z.url('请填写有效的网址'),
    format: z.enum(WEBHOOK_FORMATS, { error: '格式须为 json、wecom（企业微信/政务微信）或 dingtalk（钉钉/政务钉钉）' }).optional(),
    name: z.string().max(40).optional(),
  }),
]);
export type WebhookInput = z.input<typeof webhookSchema>;

export const webhookTarget = (w: WebhookInput): WebhookTarget =>
  typeof w === 'string' ? { url: w, format: formatOfUrl(w) } : { url: w.url, format: w.format ?? formatOfUrl(w.url), ...(w.name ? { name: w.name } : {}) };

/** A channel id that stays the same while the URL does (deliveries are recorded per channel). */
export const webhookChannelId = (t: WebhookTarget): string => `webhook:${createHash('sha256').update(t.url).digest('hex').slice(0, 12)}`;

export const webhookBody = (format: WebhookFormat, n: Notice): Record<string, unknown> => {
  switch (format) {
    case 'json':
      return n.payload;
    case 'wecom':
      // 企业微信群机器人: markdown content at most 4096 bytes
      return { msgtype: 'markdown', markdown: { content: n.markdown.slice(0, 1300) } };
    case 'dingtalk':
      return { msgtype: 'markdown', markdown: { title: n.subject, text: n.markdown.slice(0, 4000) } };
  }
};

/** The robots answer HTTP 200 with `errcode` ≠ 0 when they refuse a message. */
export const robotRefused = (format: WebhookFormat, body: unknown): string | undefined => {
  if (format === 'json') return undefined;
  const b = body as { errcode?: unknown; errmsg?: unknown } | undefined;
  return b && typeof b.errcode === 'number' && b.errcode !== 0 ? `errcode ${b.errcode}: ${String(b.errmsg ?? '')}` : undefined;
};

const webhooksSection = configSection(
  'ALERT_WEBHOOKS_JSON',
  z.array(z.object({ url: z.url(), format: z.enum(WEBHOOK_FORMATS), name: z.string().optional() })),
  [],
);

/** The county's webhooks as the functions read them (ALERT_WEBHOOKS_JSON, already in target form). */
export const configuredWebhooks = (): WebhookTarget[] =>
  webhooksSection.get().map((w) => ({ url: w.url, format: w.format, ...(w.name ? { name: w.name } : {}) }));
