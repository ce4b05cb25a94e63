import type { ExchangeConfig } from './config.ts';
import { httpFormXmlProvince } from './http-form-xml-province.ts';
import { httpJsonProvince } from './http-json-province.ts';
import type { ProvinceCredentials, ProvinceGateway } from './ports.ts';
import { profileOf } from './profiles.ts';

/** The county's province behind the gateway port, by its profile's transport; `endpoint` overrides the config's (locally: the fake province). */
export const gatewayFor = (config: ExchangeConfig, creds: ProvinceCredentials, endpoint = config.endpoint): ProvinceGateway => {
  const profile = profileOf(config.province);
  if (!endpoint) return { push: async () => ({ outcome: 'retry', reason: '未配置省平台接口地址' }), count: async () => undefined };
  return profile.transport === 'form-xml' ? httpFormXmlProvince(endpoint, profile, creds) : httpJsonProvince(endpoint, profile, creds);
};
