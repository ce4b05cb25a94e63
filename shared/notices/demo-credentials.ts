/**
 * The demo keys the local fake provider checks signatures with (local/fake-sms.ts): never valid
 * anywhere else. Where no secret is deployed (npm start, tests) the channel signs with these.
 */
export const DEMO_CREDENTIALS = {
  accessKeyId: 'LTAI-bianmin-demo',
  accessKeySecret: 'bianmin-demo-secret',
  secretId: 'AKID-bianmin-demo',
  secretKey: 'bianmin-demo-secret',
  token: 'bianmin-demo-token',
} as const;
