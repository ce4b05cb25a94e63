import { STANDARD_TEMPLATES, type NoticesConfig } from './config.ts';
import { NOTICE_EVENTS } from './model.ts';
import type { Credentials, TextChannel } from './ports.ts';
import { aliyunSms } from './http-aliyun-sms.ts';
import { tencentSms } from './http-tencent-sms.ts';
import { webhookChannel } from './http-webhook-channel.ts';

/** The county's channel, as its config chooses (one port, three adapters). */
export const channelFor = (config: NoticesConfig, credentials: Credentials): TextChannel => {
  switch (config.provider) {
    case 'aliyun':
      return aliyunSms({ endpoint: config.endpoint, credentials });
    case 'tencent':
      return tencentSms({
        endpoint: config.endpoint,
        sdkAppId: config.sdkAppId ?? '',
        region: config.region,
        credentials,
        templateVars: (code) => templateVars(config, code),
      });
    case 'webhook':
      return webhookChannel({ url: config.endpoint!, credentials });
    case 'off':
      return { send: async () => ({ outcome: 'refused', reason: '本县未开通短信通道' }) };
  }
};

/** The variables of a template in the order they appear (Tencent takes them as a list). */
export const templateVars = (config: NoticesConfig, code: string): string[] => {
  const event = NOTICE_EVENTS.find((e) => config.templates[e]?.code === code);
  const text = event ? (config.templates[event]?.text ?? STANDARD_TEMPLATES[event]) : '';
  return [...text.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]!);
};
