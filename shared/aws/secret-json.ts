import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { secretsClient } from './secrets-client.ts';

/**
 * A Secrets Manager secret holding a JSON object of strings (a provider's keys), read once per
 * container and kept 10 minutes: a key rotated in the secret is picked up without a deploy.
 * Beside the SDK clients, so a context's wiring takes it and no domain file reaches the SDK.
 */
/** Implements the JsonSecret port of shared/platform/json-secret.ts (by its shape: the foundation imports no platform). */
export const secretJson = (secretArn: string): { get(): Promise<Record<string, string>> } => {
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
