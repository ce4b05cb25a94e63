import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Credentials } from './ports.ts';

/** The demo keys the local fake provider checks signatures with (local/fake-sms.ts): never valid anywhere else. */
export const DEMO_CREDENTIALS = {
  accessKeyId: 'LTAI-bianmin-demo',
  accessKeySecret: 'bianmin-demo-secret',
  secretId: 'AKID-bianmin-demo',
  secretKey: 'bianmin-demo-secret',
  token: 'bianmin-demo-token',
} as const;

let client: SecretsManagerClient | undefined;

/**
 * The channel's credentials from Secrets Manager (a JSON object), read once per container and
 * kept 10 minutes (a key rotated in the secret is picked up without a deploy). Without a secret
 * (locally) the demo keys of the fake provider.
 */
export const secretsCredentials = (secretArn: string | undefined): Credentials => {
  let kept: { at: number; value: Record<string, string> } | undefined;
  return {
    get: async () => {
      if (!secretArn) return { ...DEMO_CREDENTIALS };
      if (kept && Date.now() - kept.at < 600_000) return kept.value;
      client ??= new SecretsManagerClient({});
      const r = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
      const value = JSON.parse(r.SecretString ?? '{}') as Record<string, string>;
      kept = { at: Date.now(), value };
      return value;
    },
  };
};
