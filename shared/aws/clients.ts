import { dynamo, resetDynamo } from './dynamo-client.ts';
import { sqsClient, resetSqs } from './sqs-client.ts';
import { snsClient, resetSns } from './sns-client.ts';
import { kmsClient, resetKms } from './kms-client.ts';
import { s3Client, resetS3 } from './s3-client.ts';
import { resetSecrets } from './secrets-client.ts';

/**
 * All SDK clients, for scripts, tests and the local platform. Adapters import the one client they
 * use from its own module (dynamo-client.ts, kms-client.ts, …), so a function's bundle carries only
 * the SDK clients its routes touch (checked by `npm run bench`).
 */
export { dynamo, sqsClient, snsClient, kmsClient, s3Client };

/** Tests re-point clients between emulators; production never calls this. */
export const resetClients = (): void => {
  resetDynamo();
  resetSqs();
  resetSns();
  resetKms();
  resetS3();
  resetSecrets();
};
