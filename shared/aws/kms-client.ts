import { KMSClient } from '@aws-sdk/client-kms';
import { endpoint } from './endpoint.ts';

let kms: KMSClient | undefined;

export const kmsClient = (): KMSClient => (kms ??= new KMSClient({ ...endpoint('KMS') }));

export const resetKms = (): void => {
  kms = undefined;
};
