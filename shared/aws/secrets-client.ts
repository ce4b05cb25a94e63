import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { endpoint } from './endpoint.ts';

let secrets: SecretsManagerClient | undefined;

export const secretsClient = (): SecretsManagerClient => (secrets ??= new SecretsManagerClient({ ...endpoint('SECRETS_MANAGER') }));

export const resetSecrets = (): void => {
  secrets = undefined;
};
