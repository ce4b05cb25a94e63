import type { ProvinceCredentials } from './ports.ts';

/** Locally (and in tests) the fake province's demo credentials: a token and a signing key, both demo values. */
export const DEMO_PROVINCE_CREDENTIALS = { token: 'demo-province-token', appKey: 'demo-app', appSecret: 'demo-province-secret' } as const;
export const memoryProvinceCredentials = (values: Record<string, string> = DEMO_PROVINCE_CREDENTIALS): ProvinceCredentials => ({ get: async () => values });
