/** Locally (and in tests) the fake province's demo credentials (local/fake-province.ts checks them): a token and a signing key, both demo values, never valid anywhere else. */
export const DEMO_PROVINCE_CREDENTIALS = { token: 'demo-province-token', appKey: 'demo-app', appSecret: 'demo-province-secret' } as const;
