import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { secretsClient } from '../aws/secrets-client.ts';
import type { Credentials } from './ports.ts';

/**
 * The channel's credentials from Secrets Manager (a JSON object), read once per container and
 * kept 10 minutes: a key rotated in the secret is picked up without a deploy.
 */
export const secretsCredentials = (secretArn: string): Credentials => {
  let kept: { at: number; value: Record<string, string> } | undefined;
  return {
    get: async () => {
      if (kept && Date.now() - kept.at < 600_000) return kept.value;
      const r = await secretsClient().send(new GetSecretValueCommand({ SecretId: secretArn }));
      const value = JSON.parse(r.SecretString ?? '{}') as Record<string, string>;
      kept = { at: Date.now(), value };
      return value;
    },
  };
};
