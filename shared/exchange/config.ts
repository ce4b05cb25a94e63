import * as z from 'zod';
import { configSection, runtimeConfig } from '../platform/runtime-config.ts';
import { DEFAULT_PROFILE, PROFILE_IDS } from './profiles.ts';

/**
 * The county's provincial exchange (`exchange` in infra/counties/<code>.json): which province
 * profile (codes/<id>.json: field names, code tables, transport, auth) and the province's endpoint.
 * Absent or `enabled: false`: the records are kept and shown as pending, nothing is pushed.
 */
export const exchangeSchema = z.object({
  enabled: z.boolean().default(true),
  province: z.enum(PROFILE_IDS).default(DEFAULT_PROFILE),
  endpoint: z.url().optional(),
});
export type ExchangeConfig = z.output<typeof exchangeSchema>;

export const EXCHANGE_OFF: ExchangeConfig = { enabled: false, province: DEFAULT_PROFILE };

/** The function environment's EXCHANGE_JSON. */
export const exchangeEnv = (c: z.input<typeof exchangeSchema> | undefined): string => JSON.stringify(c ? exchangeSchema.parse(c) : EXCHANGE_OFF);

const exchangeSection = configSection('EXCHANGE_JSON', exchangeSchema.optional(), undefined);

/** The county's exchange settings as the functions read them (off when unset); locally the fake province stands in for its endpoint. */
export const exchangeConfig = (): ExchangeConfig => {
  const c = exchangeSection.get();
  const override = runtimeConfig().exchangeEndpointOverride;
  return c ? { ...c, ...(override ? { endpoint: override } : {}) } : EXCHANGE_OFF;
};
