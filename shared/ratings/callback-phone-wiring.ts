import { dynamoCaseStore } from '../cases/dynamo-cases.ts';
import { kmsSealer } from '../cases/kms-sealer.ts';
import { containerSlot } from '../platform/runtime-config.ts';
import type { CallbackPhonePorts } from './callback-phone.ts';
import { dynamoRatingStore } from './dynamo-ratings.ts';

/**
 * The phone for a 差评 回访: the task, the case and the sealer. Apart from the ratings wiring so
 * only the function that opens personal data bundles the KMS client.
 */
const kept = containerSlot<CallbackPhonePorts>();
export const callbackPhonePorts = (): CallbackPhonePorts => kept.get(() => ({ ratings: dynamoRatingStore(), cases: dynamoCaseStore(), sealer: kmsSealer() }));
