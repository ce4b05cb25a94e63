import type { CountyConfig } from '../infra/config/county-config.ts';
import { STANDARD_TEMPLATES } from '../shared/notices/config.ts';
import { NOTICE_EVENTS } from '../shared/notices/model.ts';
import type { FakeSms } from './fake-sms.ts';

/**
 * What the local platform (and the tests' stacks) change so a county's texts reach the local fake
 * provider: the endpoint (the webhook's path for a webhook county), and the fake's rendering of
 * what it received with the county's own templates (for the 短信（演示） page).
 */
export const fakeSmsEnv = {
  fakeOptions: (county: CountyConfig) => ({
    render: (code: string, vars: Record<string, string>, signName: string) => {
      const event = NOTICE_EVENTS.find((e) => county.notices?.templates[e]?.code === code);
      const text = event ? (county.notices?.templates[event]?.text ?? STANDARD_TEMPLATES[event]) : code;
      return `${signName ? `【${signName}】` : ''}${text.replace(/\$\{(\w+)\}/g, (_m, k: string) => vars[k] ?? '')}`;
    },
  }),
  env: (county: CountyConfig, fake: FakeSms): Record<string, string> => ({
    NOTICE_ENDPOINT_OVERRIDE: county.notices?.provider === 'webhook' ? new URL('/webhook', fake.url).toString() : fake.url,
  }),
};

/** NOTICES_JSON with the status links pointing at the local server. */
export const withSite = (env: Record<string, string>, siteUrl: string): Record<string, string> =>
  env.NOTICES_JSON ? { NOTICES_JSON: JSON.stringify({ ...(JSON.parse(env.NOTICES_JSON) as object), siteUrl }) } : {};
